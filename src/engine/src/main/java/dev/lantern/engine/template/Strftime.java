package dev.lantern.engine.template;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.now().strftime(format)} on a naive local time, as transformers' {@code strftime_now}
 * gives templates (Llama 3.x writes "Today Date: " with {@code "%d %b %Y"}): the C locale's codes, glibc's
 * {@code -} (no padding) and {@code _} (space padding) flags, and empty {@code %Z}/{@code %z}.
 */
final class Strftime {
    private Strftime() {
    }

    static String format(LocalDateTime t, String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 >= pattern.length()) {
                out.append(c);
                continue;
            }
            char flag = pattern.charAt(i + 1);
            if ((flag == '-' || flag == '_' || flag == '0') && i + 2 < pattern.length()) {
                i++;
            } else {
                flag = 0;
            }
            char code = pattern.charAt(++i);
            String value = field(t, code);
            out.append(value == null ? "%" + (flag == 0 ? "" : String.valueOf(flag)) + code : pad(value, flag));
        }
        return out.toString();
    }

    private static String pad(String value, char flag) {
        int leading = 0;
        while (leading < value.length() - 1 && (value.charAt(leading) == '0' || value.charAt(leading) == ' ')) {
            leading++;
        }
        if (flag == '-') {
            return value.substring(leading);
        }
        return flag == '_' ? " ".repeat(leading) + value.substring(leading) : value;
    }

    private static String field(LocalDateTime t, char code) {
        return switch (code) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'c' -> format(t, "%a %b %e %H:%M:%S %Y");
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> format(t, "%m/%d/%y");
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'F' -> format(t, "%Y-%m-%d");
            case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'H' -> two(t.getHour());
            case 'I' -> two(hour12(t));
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'k' -> String.format("%2d", t.getHour());
            case 'l' -> String.format("%2d", hour12(t));
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> format(t, "%I:%M:%S %p");
            case 'R' -> format(t, "%H:%M");
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T' -> format(t, "%H:%M:%S");
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'U' -> two(weekOfYear(t, DayOfWeek.SUNDAY));
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two(weekOfYear(t, DayOfWeek.MONDAY));
            case 'x' -> format(t, "%m/%d/%y");
            case 'X' -> format(t, "%H:%M:%S");
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> String.valueOf(t.getYear());
            case 'z', 'Z' -> "";
            case '%' -> "%";
            default -> null;
        };
    }

    private static int hour12(LocalDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /** Weeks starting on {@code first}; days before the year's first such day are week 0. */
    private static int weekOfYear(LocalDateTime t, DayOfWeek first) {
        LocalDateTime jan1 = t.withDayOfYear(1);
        int shift = (first.getValue() - jan1.getDayOfWeek().getValue() + 7) % 7;
        long days = ChronoUnit.DAYS.between(jan1.toLocalDate(), t.toLocalDate());
        return days < shift ? 0 : (int) ((days - shift) / 7) + 1;
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
