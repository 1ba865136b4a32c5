package io.jnetstack.cli;

import io.jnetstack.demo.TransferOptions;
import io.jnetstack.demo.Units;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for quantities with units. Each rejects a bad value with a {@link TypeConversionException}
 * naming the value; picocli adds the option's name, and {@link Jns} prints the result on one line (exit 2).
 */
final class Converters {
    private Converters() {}

    private static <T> T convert(java.util.function.Function<String, T> parse, String text) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Bytes: "64K", "256M", "1G" (binary multiples). */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(Units::parseBytes, value);
        }
    }

    /** Bits per second: "10M", "1G" (decimal multiples). */
    static final class Rate implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(Units::parseRate, value);
        }
    }

    /** A duration ≥ 0 in nanoseconds: "500us", "25ms", "1s". */
    static final class Duration implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(Units::parseDuration, value);
        }
    }

    /** A duration > 0 in nanoseconds. */
    static final class PositiveDuration implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long ns = Converters.convert(Units::parseDuration, value);
            if (ns <= 0) {
                throw new TypeConversionException("'" + value + "' must be longer than 0");
            }
            return ns;
        }
    }

    /** A probability in [0, 1]. */
    static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Converters.convert(Units::parseProbability, value);
        }
    }

    /** An MTU in [68, 65535]. */
    static final class Mtu implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int v;
            try {
                v = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an MTU (a number from 68 to 65535)");
            }
            if (v < 68 || v > 65535) {
                throw new TypeConversionException("'" + value + "' is not an MTU (a number from 68 to 65535)");
            }
            return v;
        }
    }

    /** A personality name. */
    static final class PersonalityName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return Converters.convert(v -> TransferOptions.personality(v).name(), value);
        }
    }

    /** A congestion control name. */
    static final class CongestionControl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!TransferOptions.CONGESTION_CONTROLS.contains(value)) {
                throw new TypeConversionException("'" + value + "' is not one of "
                        + String.join(", ", TransferOptions.CONGESTION_CONTROLS));
            }
            return value;
        }
    }
}
