package com.callvault.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

/** The two headers built from client input: Content-Disposition from the file name, the range from Range. */
class AttachmentHeadersTest {

    @Test
    void a_file_name_is_sent_percent_encoded_with_an_ascii_fallback_that_cannot_break_out_of_its_quotes() {
        assertThat(ContentDispositions.of("application/pdf", "a\"b\\c%d/e f€.pdf"))
            .isEqualTo("attachment; filename=\"a_b_c_d_e f_.pdf\"; filename*=UTF-8''a%22b%5Cc%25d%2Fe%20f%E2%82%AC.pdf");
    }

    @Test
    void raster_images_open_in_the_page_and_svg_does_not() {
        assertThat(ContentDispositions.isInline("image/webp")).isTrue();
        assertThat(ContentDispositions.isInline("image/svg+xml")).isFalse();
        assertThat(ContentDispositions.isInline("video/mp4")).isFalse();
    }

    @Test
    void single_ranges_are_read_and_anything_else_means_the_whole_file() {
        assertThat(ByteRange.requested("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.requested("bytes=900-", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.requested("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.requested("bytes=-2000", 1000)).contains(new ByteRange(0, 999));
        assertThat(ByteRange.requested(null, 1000)).isEmpty();
        assertThat(ByteRange.requested("bytes=0-1,5-6", 1000)).isEmpty();
        assertThat(ByteRange.requested("bytes=9-1", 1000)).isEmpty();
        assertThat(ByteRange.requested("items=0-1", 1000)).isEmpty();
        assertThat(ByteRange.requested("bytes=99999999999999999999-", 1000)).isEmpty();
        assertThatExceptionOfType(ByteRange.Unsatisfiable.class).isThrownBy(() -> ByteRange.requested("bytes=1000-", 1000));
        assertThatExceptionOfType(ByteRange.Unsatisfiable.class).isThrownBy(() -> ByteRange.requested("bytes=-0", 1000));
    }
}
