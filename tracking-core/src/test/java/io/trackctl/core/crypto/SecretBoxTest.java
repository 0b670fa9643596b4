package io.trackctl.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.model.Credential;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = "sk_live_0123456789abcdefWXYZ";
    private final byte[] key = SecretBox.newKey();
    private final SecretBox box = new SecretBox(key);

    @Test
    void aSealedValueOpensToTheClearValue() {
        for (String clear : new String[] {SECRET, "x", "ключ-密钥-🔑", " spaces kept ", "a".repeat(10_000)}) {
            String sealed = box.encrypt(clear);
            assertThat(sealed).startsWith("v1:");
            if (clear.length() >= 8) {
                assertThat(sealed).doesNotContain(clear.trim());
            }
            assertThat(box.decrypt(sealed)).isEqualTo(clear);
        }
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentTextBothOpening() {
        String a = box.encrypt(SECRET);
        String b = box.encrypt(SECRET);
        assertThat(a).isNotEqualTo(b);
        assertThat(box.decrypt(a)).isEqualTo(box.decrypt(b)).isEqualTo(SECRET);
    }

    @Test
    void anotherKeyCannotOpenItAndTheErrorDoesNotLeakTheSecret() {
        String sealed = box.encrypt(SECRET);
        SecretBox other = new SecretBox(SecretBox.newKey());
        assertThatThrownBy(() -> other.decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(sealed);
    }

    @Test
    void anyAlteredByteIsDetected() {
        String sealed = box.encrypt(SECRET);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String t = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.decrypt(t)).as("byte %d", i).isInstanceOf(IllegalArgumentException.class);
        }
        String truncated = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> box.decrypt(truncated)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatWasNeverSealedIsRefused() {
        for (String bad : new String[] {null, "", SECRET, "v2:AAAA", "v1:", "v1:AAAA", "v1:!!not base64!!"}) {
            assertThatThrownBy(() -> box.decrypt(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theKeyMustBe32BytesAndLaterChangesToTheArrayDoNotMatter() {
        assertThatThrownBy(() -> new SecretBox(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        byte[] k = SecretBox.newKey();
        SecretBox b = new SecretBox(k);
        String sealed = b.encrypt(SECRET);
        Arrays.fill(k, (byte) 0);
        assertThat(b.decrypt(sealed)).isEqualTo(SECRET);
    }

    @Test
    void newKeysAre32RandomBytes() {
        assertThat(SecretBox.newKey()).hasSize(32).isNotEqualTo(SecretBox.newKey());
    }

    @Test
    void sealGivesACredentialWithItsHintAndNothingForABlankValue() {
        Credential c = box.seal(SECRET);
        assertThat(box.decrypt(c.sealed())).isEqualTo(SECRET);
        assertThat(c.hint()).isEqualTo("WXYZ");
        assertThat(c.toString()).doesNotContain(SECRET).doesNotContain(c.sealed()).endsWith("WXYZ]");
        assertThat(box.seal(null)).isNull();
        assertThat(box.seal("")).isNull();
        assertThat(box.seal("   ")).isNull();
    }

    @Test
    void theHintIsTheLastFourCharactersOnlyForSecretsOfEightOrMore() {
        assertThat(SecretBox.hint(null)).isEmpty();
        assertThat(SecretBox.hint("")).isEmpty();
        assertThat(SecretBox.hint("1234567")).isEmpty();
        assertThat(SecretBox.hint("12345678")).isEqualTo("5678");
        assertThat(SecretBox.hint(SECRET)).isEqualTo("WXYZ");
    }

    @Test
    void aCredentialNeedsASealedValue() {
        assertThatThrownBy(() -> new Credential(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credential(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
