package dev.shop.perf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * Reads a point in time as people type it: {@code now}, an instant ({@code 2026-12-02T14:00:00Z}), a UTC date-time
 * ({@code 2026-12-02T14:00}), a UTC date ({@code 2026-12-02}, its midnight) or an offset from now ({@code -2h},
 * {@code -30m}, {@code -7d}).
 */
public final class Times implements CommandLine.ITypeConverter<Instant> {

    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)([smhd])");

    @Override
    public Instant convert(String value) {
        return parse(value, Instant.now());
    }

    public static Instant parse(String value, Instant now) {
        String text = value.strip();
        if (text.equals("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(back);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is not a time: use now, -2h, "
                            + "2026-12-02, 2026-12-02T14:00 (UTC) or 2026-12-02T14:00:00Z");
                }
            }
        }
    }
}
