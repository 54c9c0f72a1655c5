package dev.lantern.app.errors;

/**
 * Query parameters read strictly. JAX-RS answers a value it cannot convert to an {@code int} with 404, and
 * turns any text but "true" into {@code false}; these answer 400 {@code VALIDATION_ERROR} naming the
 * parameter instead.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int wholeNumber(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new LanternException(ErrorCode.VALIDATION_ERROR,
                name + ": must be a whole number from " + min + " to " + max + ".").withParam(name);
    }

    /** {@code true} or {@code false}. */
    public static boolean flag(String name, String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new LanternException(ErrorCode.VALIDATION_ERROR, name + ": must be true or false.")
                    .withParam(name);
        };
    }
}
