package be.biodiversity.portal.system.jekyll;

import java.util.regex.Pattern;

/**
 * Ruby's {@code File.fnmatch?} without flags, as Jekyll's {@code exclude} uses it: {@code *} and {@code **} match
 * any characters, {@code /} included; {@code ?} one character; {@code [...]} a class.
 */
final class Glob {

    private Glob() {
    }

    static boolean matches(String glob, String path) {
        return toRegex(glob).matcher(path).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    }
                    else {
                        String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                        regex.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
