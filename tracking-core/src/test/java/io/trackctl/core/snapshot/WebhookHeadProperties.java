package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.PushHistories;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Intake reads a push's head ({@link SnapshotReader#readWebhookHead}) and the apply worker the
 * whole push ({@link SnapshotReader#readWebhook(byte[])}): for every body, both refuse it with the
 * same message, or both read the same event type, number and carrier and the same dedupe key.
 * Otherwise a push the intake accepted could fail to apply, or two pushes be deduplicated on one
 * path and not on the other.
 */
class WebhookHeadProperties {

    /** What either reader made of a body: the fields intake logs and the dedupe key, or the refusal. */
    private static String reading(Supplier<String> read) {
        try {
            return read.get();
        } catch (MalformedPayloadException e) {
            return "refused: " + e.getMessage();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    private static String whole(byte[] body) {
        return reading(() -> {
            WebhookPayload p = SnapshotReader.readWebhook(body);
            Snapshot s = p.snapshot();
            return String.join(" ", p.rawType(), p.number(), String.valueOf(p.carrier()),
                    String.valueOf(s == null ? Snapshot.NO_EVENT : s.latestEventMillis()),
                    String.valueOf(s == null ? null : s.providersHash()), DedupeKey.of(p).text());
        });
    }

    private static String head(byte[] body) {
        return reading(() -> {
            WebhookHead h = SnapshotReader.readWebhookHead(body);
            return String.join(" ", h.rawType(), h.number(), String.valueOf(h.carrier()),
                    String.valueOf(h.latestEventMillis()), String.valueOf(h.providersHash()),
                    DedupeKey.of(h).text());
        });
    }

    private static void assertReadAlike(byte[] body) {
        String head = head(body);
        String text = body.length > 2000 ? body.length + " bytes" : new String(body, StandardCharsets.UTF_8);
        assertThat(head).as("head of %s", text).doesNotStartWith("failed").isEqualTo(whole(body));
    }

    private static void assertReadAlike(String body) {
        assertReadAlike(body.getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void theFixturesReadAlike() {
        for (String fixture : Fixtures.WEBHOOKS) {
            byte[] body = Fixtures.bytes(fixture);
            assertThat(head(body)).doesNotStartWith("refused").doesNotStartWith("failed");
            assertReadAlike(body);
        }
    }

    @Example
    void emptyAndNonObjectBodiesAreRefusedAlike() {
        for (String body : List.of("", " ", "null", "[]", "[1,2", "\"push\"", "12 {", "{", "{}", "{\"event\":",
                "{\"event\":\"TRACKING_UPDATED\"}", "{\"event\":\"TRACKING_UPDATED\",\"data\":[]}",
                "{\"event\":\"TRACKING_UPDATED\",\"data\":{}} trailing words",
                "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"A1\"}} {\"broken\"")) {
            assertReadAlike(body.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(head(new byte[0])).isEqualTo("refused: body is empty");
    }

    /** Text the streaming parser decodes lazily or not at all: root strings, escapes, bytes that are not UTF-8. */
    @Example
    void textDecodedLazilyIsCheckedAlike() {
        for (String body : List.of("\"push", "\"pu\\qsh\"", "[\"\\q\"]", "12x", "\uFEFF", "\uFEFF{}",
                "{\"\\u0065vent\":\"TRACKING_STOPPED\",\"d\\u0061ta\":{\"number\":\"A1\"}}",
                "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\",\"x\":\"\\uD800\"}}")) {
            assertReadAlike(body);
        }
        byte[] badUtf8 = {'"', (byte) 0xC3, '(', '"'};
        assertReadAlike(badUtf8);
        byte[] badUtf8InObject = "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\",\"x\":\"?\"}}"
                .getBytes(StandardCharsets.UTF_8);
        badUtf8InObject[badUtf8InObject.length - 4] = (byte) 0xE4;
        assertReadAlike(badUtf8InObject);
    }

    /**
     * What the shared mapper's defaults decide (SnapshotReader.MAPPER): a key given twice keeps its
     * last value, a null value counts as given, content after the first value is ignored.
     */
    @Example
    void duplicateKeysNullsAndTrailingContentReadAlike() {
        assertReadAlike("{\"event\":\"TRACKING_STOPPED\",\"event\":null,\"data\":{\"number\":\"A1\"}}");
        assertReadAlike("{\"event\":null,\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\"}}");
        assertReadAlike("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\"},\"data\":null}");
        assertReadAlike("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\"}} ]] not json");
        assertThat(head("{\"event\":\"TRACKING_STOPPED\",\"event\":null,\"data\":{\"number\":\"A1\"}}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("refused: 'event' is missing");
    }

    /** A string longer than Jackson decodes is refused by the tree; the head, which skips it, must refuse too. */
    @Example
    void aStringPastTheParsersLimitIsRefusedAlike() {
        int limit = SnapshotReader.mapper().getFactory().streamReadConstraints().getMaxStringLength();
        String pad = "A".repeat(limit + 1);
        String inUnknownField = "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"A1\",\"pad\":\"" + pad + "\"}}";
        assertThat(head(inUnknownField.getBytes(StandardCharsets.UTF_8))).isEqualTo("refused: body is not valid JSON");
        assertReadAlike(inUnknownField);
        assertReadAlike("[\"" + pad + "\"]");
    }

    /** Pushes as 17TRACK sends them, over generated parcel histories. */
    @Property(tries = 200)
    void generatedPushesReadAlike(@ForAll long seed) {
        Random random = new Random(seed);
        for (GeneratedPush push : PushHistories.interleaved(random, PushHistories.histories(random, 3))) {
            assertThat(head(push.json())).doesNotStartWith("refused");
            assertReadAlike(push.json());
        }
    }

    /**
     * Pushes of every shape the readers meet: fields missing, of the wrong kind, given twice, times
     * and hashes in every form the lenient reading accepts or not, unknown fields in between.
     */
    @Property(tries = 3000)
    void pushesOfAnyShapeReadAlike(@ForAll long seed) {
        byte[] body = new Shapes(new Random(seed)).root().getBytes(StandardCharsets.UTF_8);
        assertReadAlike(body);
        String read = whole(body);
        Statistics.label("read").collect(read.startsWith("refused") ? "refused"
                : read.contains(" " + Snapshot.NO_EVENT + " ") ? "read, no event time" : "read, with an event time");
        // Most bodies must get past the checks, or the deep fields would go untested.
        Statistics.label("read").coverage(c -> {
            c.check("read, with an event time").percentage(p -> p > 20);
            c.check("refused").percentage(p -> p > 10);
        });
    }

    /** Bodies damaged as a transfer or a hand edit damages them: cut short, a byte changed, added or removed. */
    @Property(tries = 3000)
    void damagedBodiesReadAlike(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] body = random.nextBoolean()
                ? new Shapes(random).root().getBytes(StandardCharsets.UTF_8)
                : Fixtures.bytes(Fixtures.WEBHOOKS.get(random.nextInt(Fixtures.WEBHOOKS.size())));
        byte[] damaged = damage(random, body);
        assertReadAlike(damaged);
    }

    private static final byte[] DAMAGE = "{}[]\",:\\ 0-.eEtnfuZT+\u00e9\u4e2d".getBytes(StandardCharsets.UTF_8);

    private static byte[] damage(Random random, byte[] body) {
        if (body.length == 0) {
            return body;
        }
        int at = random.nextInt(body.length);
        byte b = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : DAMAGE[random.nextInt(DAMAGE.length)];
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(body, at);
            case 1 -> {
                byte[] d = body.clone();
                d[at] = b;
                yield d;
            }
            case 2 -> {
                byte[] d = new byte[body.length + 1];
                System.arraycopy(body, 0, d, 0, at);
                d[at] = b;
                System.arraycopy(body, at, d, at + 1, body.length - at);
                yield d;
            }
            default -> {
                byte[] d = new byte[body.length - 1];
                System.arraycopy(body, 0, d, 0, at);
                System.arraycopy(body, at + 1, d, at, body.length - at - 1);
                yield d;
            }
        };
    }

    /** Writes push-like JSON, each part right most of the time and wrong in one of many ways otherwise. */
    private static final class Shapes {

        private final Random random;

        Shapes(Random random) {
            this.random = random;
        }

        String root() {
            return chance(20) ? other() : object(List.of(
                    field("event", this::eventType, 4),
                    field("data", this::data, 4),
                    field("sign", () -> "\"abc\"", 5)));
        }

        private String eventType() {
            return chance(6) ? pick("\"TRACKING_STOPPED\"", "\"tracking_updated\"", "\"OTHER_EVENT\"", "\"\"",
                    "\" \"", "5", "null", "{}") : "\"TRACKING_UPDATED\"";
        }

        private String data() {
            return chance(20) ? other() : object(List.of(
                    field("number", this::number, 5),
                    field("carrier", this::carrier, 20),
                    field("tag", () -> pick("\"ORD-1\"", "null", "7"), 5),
                    field("track_info", this::trackInfo, 8)));
        }

        private String number() {
            return chance(6) ? pick("\" lx 1234 5678 \"", "\"\"", "\"  \"", "12345", "1.5e3", "true", "null", "[]",
                    "{\"n\":1}") : pick("\"LX123456789CN\"", "\"RR00000001CN\"");
        }

        private String carrier() {
            return pick("3011", "\"3011\"", "190271", "\"x\"", "1.9", "99999999999", "-4", "null", "[]");
        }

        private String trackInfo() {
            return chance(8) ? other() : object(List.of(
                    field("latest_status", () -> "{\"status\":\"InTransit\",\"sub_status\":\"InTransit_Other\"}", 5),
                    field("latest_event", this::event, 20),
                    field("tracking", this::tracking, 8)));
        }

        private String tracking() {
            return chance(8) ? other() : object(List.of(
                    field("providers_hash", this::hash, 20),
                    field("providers", () -> chance(8) ? other() : array(this::provider), 8)));
        }

        private String provider() {
            return chance(8) ? other() : object(List.of(
                    field("provider", () -> "{\"key\":3011,\"name\":\"China Post\"}", 10),
                    field("events_hash", this::hash, 5),
                    field("latest_sync_time", this::time, 5),
                    field("events", () -> chance(8) ? other() : array(this::event), 8)));
        }

        private String event() {
            return chance(8) ? other() : object(List.of(
                    field("time_iso", this::time, 20),
                    field("time_utc", this::time, 20),
                    field("description", () -> "\"Arrived at \\\"hub\\\" \\u00e9\"", 10),
                    field("location", () -> pick("\"Shenzhen\"", "null"), 5),
                    field("address", () -> "{\"city\":\"Paris\",\"country\":\"FR\"}", 5),
                    field("stage", () -> pick("\"PickedUp\"", "null", "\"?\""), 5)));
        }

        private String hash() {
            return pick("-123456789012", "\"987654321\"", "\" 42 \"", "\"x\"", "1.5", "12345678901234567890", "0",
                    "null", "[]");
        }

        private String time() {
            int year = pick(new int[] {2024, 2024, 2025, 1969, 1, 9999});
            String date = "%04d-%02d-%02d".formatted(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String clock = "%02d:%02d:%02d".formatted(random.nextInt(24), random.nextInt(60), random.nextInt(60));
            String fraction = pick("", "", ".5", ".123", ".123456789");
            String zone = pick("Z", "Z", "+08:00", "-05:00", "", "z", "+14:00");
            String sep = pick("T", "T", "T", " ", "t");
            return switch (random.nextInt(20)) {
                case 0 -> "null";
                case 1 -> "\"\"";
                case 2 -> "\"not a time\"";
                case 3 -> String.valueOf(1_700_000_000L + random.nextInt(1_000_000));
                case 4 -> "\"+999999999-12-31T23:59:59Z\"";
                case 5 -> "\"-999999999-01-01T00:00:00Z\"";
                case 6 -> "\"+300000000-01-01T00:00:00Z\"";
                case 7 -> "[]";
                default -> "\"" + pick(" ", "", "") + date + sep + clock + fraction + zone + "\"";
            };
        }

        /** Any value of the wrong kind. */
        private String other() {
            return pick("null", "\"text\"", "0", "true", "[]", "[1,{\"a\":2}]", "{}", "-1.5e-3");
        }

        /** An object of some of {@code fields}, in any order, some twice, with unknown fields in between. */
        private String object(List<Field> fields) {
            List<String> parts = new ArrayList<>();
            for (Field f : fields) {
                int times = random.nextInt(100) < f.missingPercent() ? 0 : chance(12) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    parts.add("\"" + f.name() + "\":" + f.value().get());
                }
            }
            if (chance(4)) {
                parts.add("\"extra\":" + pick("{\"time_utc\":\"2030-01-01T00:00:00Z\",\"events\":[]}", "[[{}]]", "1"));
            }
            Collections.shuffle(parts, random);
            return "{" + String.join(",", parts) + "}";
        }

        private String array(Supplier<String> element) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(element.get());
            }
            return "[" + String.join(",", items) + "]";
        }

        private record Field(String name, Supplier<String> value, int missingPercent) {
        }

        private Field field(String name, Supplier<String> value, int missingPercent) {
            return new Field(name, value, missingPercent);
        }

        private boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        private int pick(int[] options) {
            return options[random.nextInt(options.length)];
        }
    }
}
