package org.sanimap.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text files as bureaus save them: UTF-8 (a byte-order mark is dropped) or, when the bytes
 * are not valid UTF-8, GB18030 (a superset of GBK, as Chinese Excel saves CSV).
 */
public final class TextFiles {

    private TextFiles() {
    }

    public static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("GB18030"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
