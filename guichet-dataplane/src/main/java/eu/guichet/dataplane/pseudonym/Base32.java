package eu.guichet.dataplane.pseudonym;

/** RFC 4648 base32, lower case, without padding: compact, case-safe and file-name-safe pseudonyms. */
final class Base32 {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Base32() {
    }

    static int encodedLength(int bytes) {
        return (bytes * 8 + 4) / 5;
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder(encodedLength(data.length));
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    static byte[] decode(CharSequence text, int byteCount) {
        byte[] out = new byte[byteCount];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length() && index < byteCount; i++) {
            char c = text.charAt(i);
            int value;
            if (c >= 'a' && c <= 'z') {
                value = c - 'a';
            } else if (c >= '2' && c <= '7') {
                value = c - '2' + 26;
            } else {
                throw new IllegalArgumentException("Not a base32 character at position " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if (index != byteCount) {
            throw new IllegalArgumentException("Too short for " + byteCount + " bytes");
        }
        return out;
    }
}
