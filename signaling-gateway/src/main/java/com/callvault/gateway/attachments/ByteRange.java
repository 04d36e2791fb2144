package com.callvault.gateway.attachments;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a file (RFC 9110 §14): what a browser asks for to seek in audio or video, and
 * what Safari insists on before it plays them at all. Several ranges in one request are answered with the whole
 * file, as the RFC allows.
 */
record ByteRange(long start, long end) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    long length() {
        return end - start + 1;
    }

    static ByteRange whole(long size) {
        return new ByteRange(0, size - 1);
    }

    /**
     * The range a {@code Range} header asks for in a file of {@code size} bytes; empty when the header is absent,
     * unreadable or asks for several ranges (then the whole file is the answer).
     *
     * @throws Unsatisfiable when the range lies wholly outside the file (416)
     */
    static Optional<ByteRange> requested(String header, long size) {
        Matcher range = header == null ? null : SINGLE.matcher(header.strip());
        if (range == null || !range.matches() || (range.group(1).isEmpty() && range.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (range.group(1).isEmpty()) {
            long suffix = Long.parseLong(range.group(2));
            if (suffix == 0) {
                throw new Unsatisfiable(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(range.group(1));
        long last = range.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(range.group(2));
        if (last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new Unsatisfiable(size);
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    /** The range asked for lies outside the file: answered 416 with {@code Content-Range: bytes *}{@code /size}. */
    static final class Unsatisfiable extends RuntimeException {

        private final long size;

        Unsatisfiable(long size) {
            super("the requested range lies outside the " + size + " bytes of the file", null, false, false);
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
