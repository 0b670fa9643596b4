package io.trackctl.server.resource;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.trackctl.core.service.ValidationException;
import io.trackctl.server.http.ApiException;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.HeaderParameters;
import io.trackctl.server.http.MultipartReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Receives an uploaded CSV file, either as the {@code file} part of a {@code multipart/form-data}
 * body (with an optional {@code shopId} field) or as a raw {@code text/csv} body, and streams it to
 * a new file in the upload directory: memory stays constant and the size is limited (413).
 */
final class CsvUpload {

    /** A stored upload: where it is, the client's file name, the shop id given in the form (or null). */
    record Stored(Path file, String fileName, String shopIdField) {
    }

    private static final Set<String> RAW_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values", "application/octet-stream");
    private static final int MAX_FIELD_BYTES = 64;

    private final Path dir;
    private final long maxBytes;

    CsvUpload(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    Stored receive(ServerRequest req) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
        if (contentType == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be multipart/form-data (with a 'file' part) or text/csv");
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        if (!type.equals("multipart/form-data") && !RAW_TYPES.contains(type)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be multipart/form-data (with a 'file' part) or text/csv, got " + type);
        }
        Path file = newFile();
        try (InputStream in = new Limited(req.content().inputStream(), maxBytes)) {
            Stored stored = type.equals("multipart/form-data")
                    ? multipart(in, HeaderParameters.parse(contentType).get("boundary"), file)
                    : raw(in, file);
            return stored;
        } catch (MultipartReader.MalformedException e) {
            delete(file);
            throw ValidationException.of("body", e.getMessage());
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private Stored raw(InputStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return new Stored(file, null, null);
    }

    private Stored multipart(InputStream in, String boundary, Path file) throws IOException {
        MultipartReader reader = MultipartReader.open(in, boundary);
        boolean haveFile = false;
        String fileName = null;
        String shopId = null;
        for (MultipartReader.PartHeaders part = reader.next(); part != null; part = reader.next()) {
            if ("file".equals(part.name())) {
                if (haveFile) {
                    throw ValidationException.of("file", "send one file per upload");
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    reader.content().transferTo(out);
                }
                haveFile = true;
                fileName = part.fileName();
            } else if ("shopId".equals(part.name())) {
                byte[] value = reader.content().readNBytes(MAX_FIELD_BYTES + 1);
                if (value.length > MAX_FIELD_BYTES) {
                    throw ValidationException.of("shopId", "must be a positive whole number");
                }
                shopId = new String(value, StandardCharsets.UTF_8).trim();
            }
        }
        if (!haveFile) {
            throw ValidationException.of("file", "is required: send the CSV as the multipart part named 'file'");
        }
        return new Stored(file, fileName, shopId);
    }

    private Path newFile() {
        try {
            Files.createDirectories(dir);
            return Files.createFile(dir.resolve(UUID.randomUUID() + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload in " + dir, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the file is left behind in the upload directory; nothing refers to it
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the upload is larger than the limit of " + maxBytes
                + " bytes (set max-upload-bytes / TRACKCTL_MAX_UPLOAD_BYTES to allow more)");
    }

    /** Stops reading past the limit with a 413. */
    private final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge();
            }
        }
    }
}
