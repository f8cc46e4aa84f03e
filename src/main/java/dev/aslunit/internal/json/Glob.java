package dev.aslunit.internal.json;

import java.util.regex.Pattern;

/**
 * The one glob dialect of ASLUnit, for mocked resources and S3 keys alike: {@code *} is any run of
 * characters within one {@code /}-separated segment, {@code **} any run across segments, every other
 * character itself. ARNs have no {@code /} before their resource part, so {@code arn:aws:lambda:*}
 * matches every Lambda function as users expect, while {@code orders/*.csv} stays in one folder.
 */
public final class Glob {

    private Glob() {
    }

    public static boolean isGlob(String text) {
        return text.indexOf('*') >= 0;
    }

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) != '*') {
                continue;
            }
            if (i > literalStart) {
                regex.append(Pattern.quote(glob.substring(literalStart, i)));
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]*");
            }
            literalStart = i + 1;
        }
        if (literalStart < glob.length()) {
            regex.append(Pattern.quote(glob.substring(literalStart)));
        }
        return Pattern.compile(regex.toString());
    }
}
