package eu.guichet.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * For server-rendered forms of every module: the translated errors of one submitted form, by field, for the page to show next to each field. A broken constraint
 * is looked up as {@code validation.<field>.<Constraint>}, then {@code validation.<Constraint>} (with the constraint's
 * {@code min} and {@code max} as arguments 0 and 1); a value that could not even be converted as
 * {@code validation.invalid}. Rejected values are never echoed in the messages.
 */
public record FormErrors(Map<String, String> byField) {

    public FormErrors {
        byField = Map.copyOf(byField);
    }

    public static FormErrors none() {
        return new FormErrors(Map.of());
    }

    public static FormErrors of(BindingResult binding, Set<? extends ConstraintViolation<?>> violations,
            MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
                messages.getMessage("validation.invalid", null, "Invalid value.", locale)));
        for (ConstraintViolation<?> violation : violations) {
            String field = violation.getPropertyPath().toString();
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
            Object[] arguments = { attributes.get("min"), attributes.get("max") };
            errors.putIfAbsent(field, messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] { "validation." + field + "." + constraint, "validation." + constraint },
                    arguments, violation.getMessage()), locale));
        }
        return new FormErrors(errors);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The message for the field, or null. */
    public String get(String field) {
        return byField.get(field);
    }
}
