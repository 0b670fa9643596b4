package io.trackctl.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fixtures in the test resources are byte-for-byte copies of the shared ones, when those are around. */
class FixtureCopyTest {

    @Test
    void theCopiedFixturesMatchTheSharedOriginalsByteForByte() throws Exception {
        Path shared = findShared();
        assumeTrue(shared != null, "shared/17track/fixtures not found above " + Path.of("").toAbsolutePath()
                + "; the copies in src/test/resources/fixtures are used as they are");

        for (String name : Fixtures.ALL) {
            assertThat(Fixtures.bytes(name)).as(name).isEqualTo(Files.readAllBytes(shared.resolve(name)));
        }
    }

    private static Path findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/17track/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
