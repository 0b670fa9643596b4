package io.trackctl.client;

import io.trackctl.core.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String KEY = "DUMMY17TRACKKEY0123456789ABCDEF";
    private static final byte[] COMPACT = ("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"LX900000015CN\","
            + "\"carrier\":3011,\"param\":null,\"tag\":\"ORD-10004\"}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheDeliveredFixtureExactlyAsTheWorkedExample() {
        byte[] body = Fixtures.bytes("webhook-tracking-updated-delivered.json");

        assertThat(body).hasSize(12020);
        assertThat(WebhookSignature.sign(body, KEY))
                .isEqualTo("ee7f3e68f9b226973b6fd596db63d318bb35dc8108f452d773f4e48324ebacdf");
    }

    @Test
    void oneMissingTrailingNewlineChangesTheSignature() {
        byte[] body = Fixtures.bytes("webhook-tracking-updated-delivered.json");
        byte[] cut = Arrays.copyOf(body, body.length - 1);

        assertThat(WebhookSignature.sign(cut, KEY))
                .isEqualTo("d5a79ffbc2fdfdee0ee073891bff486b8e7f27926dd6279d37f80eac4f109057");
    }

    @Test
    void signsTheCompactStoppedBodyWithTheRightAndTheWrongKey() {
        assertThat(COMPACT).hasSize(108);
        assertThat(WebhookSignature.sign(COMPACT, KEY))
                .isEqualTo("9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675");
        assertThat(WebhookSignature.sign(COMPACT, "WRONGKEY"))
                .isEqualTo("006dc5bcd03b66a5da2722e7ff802400342a623099c7c56fd754d4d2f0ed68b4");
    }

    @Test
    void signsTheStoredStoppedFixture() {
        byte[] body = Fixtures.bytes("webhook-tracking-stopped.json");

        assertThat(body).hasSize(145);
        assertThat(WebhookSignature.sign(body, KEY))
                .isEqualTo("6819c041bd228d52b43594f9870323aba9d0bb0a3c0fce39b2c3da9b5c662b02");
    }

    @Test
    void verifiesCaseInsensitivelyAndWithSurroundingSpace() {
        WebhookSignature verifier = WebhookSignature.of(KEY);
        String upper = "9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675".toUpperCase(Locale.ROOT);

        assertThat(verifier.verify(COMPACT, upper)).isTrue();
        assertThat(verifier.verify(COMPACT, " " + upper + " ")).isTrue();
    }

    @Test
    void refusesTheSignatureOfAnotherKeyAMissingHeaderAndATamperedBody() {
        WebhookSignature verifier = WebhookSignature.of(KEY);
        byte[] tampered = COMPACT.clone();
        tampered[10] = 'X';

        assertThat(verifier.verify(COMPACT, "006dc5bcd03b66a5da2722e7ff802400342a623099c7c56fd754d4d2f0ed68b4"))
                .isFalse();
        assertThat(verifier.verify(COMPACT, null)).isFalse();
        assertThat(verifier.verify(COMPACT, "")).isFalse();
        assertThat(verifier.verify(tampered, "9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675"))
                .isFalse();
    }

    @Test
    void acceptsAnyOfSeveralKeysDuringRotation() {
        WebhookSignature verifier = WebhookSignature.of("NEWKEY-2", KEY);

        assertThat(verifier.verify(COMPACT, "9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675"))
                .isTrue();
        assertThat(verifier.verify(COMPACT, WebhookSignature.sign(COMPACT, "NEWKEY-2"))).isTrue();
        assertThat(verifier.verify(COMPACT, WebhookSignature.sign(COMPACT, "RETIRED"))).isFalse();
    }

    @Test
    void everyKeyOfSeveralVerifiesWhereverItStandsInTheList() {
        String[] keys = {"OLDEST", KEY, "NEWKEY-2", "NEWKEY-3"};
        WebhookSignature verifier = WebhookSignature.of(keys);
        byte[] fixture = Fixtures.bytes("webhook-tracking-updated-delivered.json");

        // The body's hash is shared between the keys: each one must still see the body untouched.
        for (byte[] body : new byte[][] {new byte[0], COMPACT, fixture}) {
            for (String key : keys) {
                assertThat(verifier.verify(body, WebhookSignature.sign(body, key))).as(key).isTrue();
            }
            assertThat(verifier.verify(body, WebhookSignature.sign(body, "RETIRED"))).isFalse();
        }
        assertThat(verifier.verify(fixture, "ee7f3e68f9b226973b6fd596db63d318bb35dc8108f452d773f4e48324ebacdf"))
                .isTrue();
    }

    @Test
    void aProviderThatCannotCopyItsStateHashesTheBodyAgainForEachKey() {
        Provider noCopy = new Provider("TrackctlNoCopySha256", "1.0", "SHA-256 whose state cannot be copied") {
        };
        noCopy.put("MessageDigest.SHA-256", NoCopySha256.class.getName());
        Security.insertProviderAt(noCopy, 1);
        try {
            assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo(noCopy.getName());
            WebhookSignature verifier = WebhookSignature.of("OLDEST", KEY, "NEWKEY-2");
            for (String key : new String[] {"OLDEST", KEY, "NEWKEY-2"}) {
                assertThat(verifier.verify(COMPACT, WebhookSignature.sign(COMPACT, key))).as(key).isTrue();
            }
            assertThat(verifier.verify(COMPACT, "9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675"))
                    .isTrue();
            assertThat(verifier.verify(COMPACT, WebhookSignature.sign(COMPACT, "RETIRED"))).isFalse();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        } finally {
            Security.removeProvider(noCopy.getName());
        }
    }

    /** SHA-256 through the JDK's own, in a provider whose state is not {@link Cloneable}. */
    public static final class NoCopySha256 extends MessageDigestSpi {
        private final MessageDigest sha;

        public NoCopySha256() throws GeneralSecurityException {
            sha = MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            sha.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            sha.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            return sha.digest();
        }

        @Override
        protected void engineReset() {
            sha.reset();
        }
    }

    @Test
    void needsAtLeastOneKeyAndNeverPrintsThem() {
        assertThatThrownBy(() -> WebhookSignature.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookSignature.of(KEY).toString()).doesNotContain(KEY);
    }
}
