package cl.redlocal.portal.architecture;

/**
 * A feature is a package of {@code cl.redlocal.portal} without its Boundary-Control-Entity layer: {@code cases},
 * {@code referral}, {@code mgc.minutes}, {@code platform.job}. The Case Management Table's and the platform's
 * sub-packages are features of their own, because each maps and writes its own tables.
 */
final class Features {

    static final String ROOT = "cl.redlocal.portal.";

    private Features() {
    }

    static String of(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return packageName;
        }
        String feature = packageName.substring(ROOT.length());
        for (String layer : new String[] {".boundary", ".control", ".entity"}) {
            int at = feature.indexOf(layer);
            if (at > 0) {
                feature = feature.substring(0, at);
            }
        }
        return feature;
    }
}
