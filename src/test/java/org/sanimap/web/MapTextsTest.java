package org.sanimap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The map's texts: every key the Chinese dictionary has, the English one has, and the other way round. */
class MapTextsTest {

    private static final Pattern KEY = Pattern.compile("^\\s+\"([\\w.]+)\":", Pattern.MULTILINE);

    private static Set<String> keys(String dictionary) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = KEY.matcher(dictionary);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        String js = Files.readString(Path.of("src/main/resources/static/js/i18n.js"), StandardCharsets.UTF_8);
        int zh = js.indexOf("\"zh-CN\": {");
        int en = js.indexOf("\"en\": {");
        assertThat(zh).isPositive();
        assertThat(en).isGreaterThan(zh);
        Set<String> chinese = keys(js.substring(zh + 10, en));
        Set<String> english = keys(js.substring(en + 7));
        assertThat(chinese).hasSizeGreaterThan(100);
        assertThat(english).containsExactlyInAnyOrderElementsOf(chinese);
    }
}
