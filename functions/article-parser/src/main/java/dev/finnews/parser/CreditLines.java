package dev.finnews.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the short lines around an article that are about it, not part of it: original title,
 * source, editor, reporter bylines, chart credits, and the feed's promo lines. Patterns only run on
 * short lines, so they stay cheap and cannot backtrack for long.
 */
final class CreditLines {
    /** Credit lines are short; anything longer is article text. */
    private static final int MAX_CREDIT_CHARS = 60;
    private static final Pattern ORIGIN = Pattern.compile("^[（(【\\[]?(?:文章|本文)?来源[：:]\\s*(.{1,40}?)\\s*[）)】\\]]?$");
    private static final Pattern EDITOR = Pattern.compile("^[（(]?责任编辑[：:]\\s*(.{0,40}?)\\s*[）)]?$");
    private static final Pattern ORIGINAL_TITLE = Pattern.compile("^原标题[：:]");
    /**
     * {@code 每经编辑 黄胜}, {@code 中国基金报记者方丽}, {@code （驻京记者 宋华）}, {@code 图表：陈敏},
     * {@code 某某时报（www.example.cn）记者 张三 李四 北京报道}; not a caption ending in 摄.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "^[（(【]?[^，。！？,!?]{0,32}?(?:记者|编辑|作者|撰文|图表|制图|文(?=[/｜|]))[：:｜|/\\s]*"
                    + "[\\p{IsHan}A-Za-z·,，、 ]{1,20}(?<!摄)[）)】]?$");
    private static final String[] BYLINE_WORDS = {"记者", "编辑", "作者", "撰文", "图表", "制图", "文/", "文｜", "文|"};
    /** The Sina feed's own promo lines. */
    private static final String[] PROMO = {"海量资讯、精准解读", "金麒麟分析师", "新浪财经APP", "点击查看>>"};
    /** A Sina work code after the editor's name: {@code SF142}. */
    private static final Pattern WORK_CODE = Pattern.compile("[A-Za-z]{1,4}\\d{2,6}");

    private CreditLines() {
    }

    /** What a line of body text is. */
    sealed interface Kind {
        record Text() implements Kind {
        }

        record Origin(String media) implements Kind {
        }

        record Editor(String name) implements Kind {
        }

        record Credit() implements Kind {
        }
    }

    private static final Kind TEXT = new Kind.Text();
    private static final Kind CREDIT = new Kind.Credit();

    static Kind classify(String line) {
        if (line.length() > MAX_CREDIT_CHARS) {
            return isPromo(line) ? CREDIT : TEXT;
        }
        // cheap substring checks first: most lines are text and never reach a pattern
        if (line.contains("责任编辑")) {
            Matcher editor = EDITOR.matcher(line);
            if (editor.find()) {
                return new Kind.Editor(editorName(editor.group(1)));
            }
        }
        if (line.contains("来源")) {
            Matcher origin = ORIGIN.matcher(line);
            if (origin.find()) {
                return new Kind.Origin(cleanOrigin(origin.group(1)));
            }
        }
        if (line.startsWith("原标题") && ORIGINAL_TITLE.matcher(line).find()) {
            return CREDIT;
        }
        if (mayBeByline(line) && BYLINE.matcher(line).matches()) {
            return CREDIT;
        }
        return isPromo(line) ? CREDIT : TEXT;
    }

    private static boolean mayBeByline(String line) {
        for (String word : BYLINE_WORDS) {
            if (line.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The original media named by a {@code 来源：} fragment inside an ad-list comment, or null. */
    static String originIn(String fragment) {
        int at = fragment.indexOf("来源：");
        if (at < 0) {
            at = fragment.indexOf("来源:");
        }
        if (at < 0) {
            return null;
        }
        int start = at + 3;
        int end = start;
        while (end < fragment.length() && end - start < 40 && fragment.charAt(end) != '<' && fragment.charAt(end) != '\n') {
            end++;
        }
        String media = cleanOrigin(TextCleaner.collapse(TextCleaner.decodeEntities(fragment.substring(start, end))));
        return media == null || media.isEmpty() ? null : media;
    }

    /** {@code 张恒星 SF142} → {@code 张恒星}; null when nothing but codes remains. */
    static String editorName(String written) {
        StringBuilder name = new StringBuilder();
        for (String token : TextCleaner.collapse(written).split(" ")) {
            if (token.isEmpty() || WORK_CODE.matcher(token).matches()) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(token);
        }
        return name.length() == 0 ? null : name.toString();
    }

    private static String cleanOrigin(String media) {
        String m = TextCleaner.collapse(media);
        // trailing sentence punctuation is not part of a media name
        while (!m.isEmpty() && "。，,；;、".indexOf(m.charAt(m.length() - 1)) >= 0) {
            m = m.substring(0, m.length() - 1);
        }
        return m.isEmpty() ? null : m;
    }

    private static boolean isPromo(String line) {
        for (String p : PROMO) {
            if (line.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
