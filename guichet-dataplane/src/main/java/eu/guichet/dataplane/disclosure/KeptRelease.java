package eu.guichet.dataplane.disclosure;

/**
 * What the HDAB keeps of a release, inside the secure processing environment: the release as published and the true
 * values of the cells it hid (NaN where released). Later checks of the project's tables use the hidden values to
 * prove protection against differencing; they are never published — publish {@link #release()} only.
 */
public record KeptRelease(Release release, double[] hiddenValues) {

    public KeptRelease {
        if (hiddenValues != null && hiddenValues.length != release.values().length) {
            throw new IllegalArgumentException("one value per cell");
        }
        hiddenValues = hiddenValues == null ? null : hiddenValues.clone();
    }

    /** A release whose hidden cells' values were not kept. */
    public static KeptRelease withoutHiddenValues(Release release) {
        return new KeptRelease(release, null);
    }
}
