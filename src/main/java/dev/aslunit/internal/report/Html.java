package dev.aslunit.internal.report;

/** HTML text escaping and the pages' shared stylesheet (inline: the reports load nothing from the network). */
final class Html {

    static final String STYLE = """
        body{margin:0;font:14px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#16191f;background:#f2f3f3}
        header{background:#232f3e;color:#fff;padding:12px 24px}header h1{font-size:18px;margin:0}
        header a{color:#fff}main{padding:16px 24px}
        .card{background:#fff;border:1px solid #d5dbdb;border-radius:6px;padding:14px 18px;margin:0 0 16px}
        h2{font-size:17px;margin:0 0 8px}h3{font-size:15px;margin:14px 0 6px}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeded}
        th{background:#fafafa;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .bar{display:inline-block;width:90px;height:9px;background:#fde7e7;border-radius:5px;overflow:hidden;vertical-align:middle;margin-right:6px}
        .bar i{display:block;height:100%;background:#1d8102}
        .miss{color:#d13212}.ok{color:#1d8102}.muted{color:#687078}code{font-size:12px}
        .status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
        .status.SUCCEEDED{background:#e9f5ea;color:#1d8102}.status.FAILED,.status.TIMED_OUT,.status.ABORTED{background:#fde7e7;color:#d13212}
        .status.RUNNING{background:#e6f2fb;color:#0073bb}
        .graph{overflow:auto;background:#fff;border:1px solid #eaeded;border-radius:4px;padding:8px}
        .legend span{display:inline-block;margin-right:14px;font-size:12px}
        .legend i{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:4px;border:2px solid}
        section.page{display:none}section.page:target{display:block}body:has(section.page:target) #summary{display:none}
        td code{white-space:nowrap}pre{background:#fafafa;border:1px solid #eaeded;padding:8px;overflow:auto;font-size:12px}
        """;

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    static String page(String title, String header, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>" + STYLE
                + "</style></head><body><header><h1>" + header + "</h1></header><main>" + body
                + "</main></body></html>\n";
    }

    static String bar(double ratio) {
        return "<span class=\"bar\"><i style=\"width:" + Svg.n(Math.round(ratio * 1000) / 10.0) + "%\"></i></span>";
    }
}
