package dev.aslunit.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines ({@code diff -u}'s format), for showing a mutant. The common
 * head and tail are cut off first, so the quadratic longest-common-subsequence table only covers the
 * few lines a mutant changes, even in a long definition.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String of(String before, String after, String beforeName, String afterName) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            lines.add(new Line(' ', a[i]));
        }
        lines.addAll(middle(a, b, head, a.length - tail, head, b.length - tail));
        for (int i = a.length - tail; i < a.length; i++) {
            lines.add(new Line(' ', a[i]));
        }
        return hunks(lines, beforeName, afterName);
    }

    private record Line(char kind, String text) {
    }

    /** The longest common subsequence of a[a0..a1) and b[b0..b1), as context, removed and added lines. */
    private static List<Line> middle(String[] a, String[] b, int a0, int a1, int b0, int b1) {
        int n = a1 - a0;
        int m = b1 - b0;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[a0 + i].equals(b[b0 + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[a0 + i].equals(b[b0 + j])) {
                out.add(new Line(' ', a[a0 + i++]));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line('-', a[a0 + i++]));
            } else {
                out.add(new Line('+', b[b0 + j++]));
            }
        }
        return out;
    }

    private static String hunks(List<Line> lines, String beforeName, String afterName) {
        StringBuilder out = new StringBuilder("--- ").append(beforeName).append("\n+++ ").append(afterName).append('\n');
        int k = 0;
        while (k < lines.size()) {
            if (lines.get(k).kind == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // a hunk runs on while the next change is within two contexts' distance
            while (end < lines.size()) {
                int next = end;
                while (next < lines.size() && lines.get(next).kind == ' ') {
                    next++;
                }
                if (next == lines.size() || next - end > 2 * CONTEXT) {
                    end = Math.min(lines.size(), end + CONTEXT);
                    break;
                }
                end = next + 1;
            }
            int oldStart = 1;
            int newStart = 1;
            for (int i = 0; i < start; i++) {
                oldStart += lines.get(i).kind != '+' ? 1 : 0;
                newStart += lines.get(i).kind != '-' ? 1 : 0;
            }
            int oldCount = 0;
            int newCount = 0;
            StringBuilder body = new StringBuilder();
            for (int i = start; i < end; i++) {
                Line l = lines.get(i);
                oldCount += l.kind != '+' ? 1 : 0;
                newCount += l.kind != '-' ? 1 : 0;
                body.append(l.kind).append(l.text).append('\n');
            }
            out.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +").append(newStart).append(',')
                    .append(newCount).append(" @@\n").append(body);
            k = end;
        }
        return out.toString();
    }
}
