package be.biodiversity.portal.render.look;

/** WCAG contrast of {@code #rrggbb} colours, and darkening one until it reads on a light background. */
final class Colours {

    private Colours() {
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static String readableOn(String background, String colour, double ratio) {
        int[] rgb = rgb(colour);
        String shown = colour;
        for (int step = 0; step < 40 && contrast(shown, background) < ratio; step++) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = (int) Math.floor(rgb[i] * 0.92);
            }
            shown = String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
        }
        return shown;
    }

    private static double luminance(String colour) {
        int[] rgb = rgb(colour);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    private static int[] rgb(String colour) {
        int value = Integer.parseInt(colour.substring(1), 16);
        return new int[] { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
    }
}
