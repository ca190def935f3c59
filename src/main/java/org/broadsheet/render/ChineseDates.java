package org.broadsheet.render;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Dates as the paper prints them. Written out by hand rather than through a locale, so output never
 * depends on the JVM's locale data or default locale.
 */
public final class ChineseDates {
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private ChineseDates() {
    }

    /** 2025年12月12日 */
    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 2025年12月12日 星期五 */
    public static String dateWithWeekday(LocalDate date) {
        return date(date) + " " + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    /** 2025年12月 */
    public static String month(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** 12月 */
    public static String monthOnly(YearMonth month) {
        return month.getMonthValue() + "月";
    }

    /** 2025年 */
    public static String year(int year) {
        return year + "年";
    }
}
