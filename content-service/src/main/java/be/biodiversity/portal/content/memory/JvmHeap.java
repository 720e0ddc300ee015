package be.biodiversity.portal.content.memory;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/** What {@link HeapRelease} asks of the JVM; tests give their own. */
interface JvmHeap {

    /** Bytes the heap holds from the system now (committed). */
    long committed();

    /** The free share of the heap (percent) kept after a collection, at least and at most; null if not settable. */
    FreeRatios freeRatios();

    void freeRatios(FreeRatios ratios);

    /** A full collection, which with the JVM's ratios gives back the heap beyond what is live. */
    void collect();

    record FreeRatios(int min, int max) {
    }

    /** The running JVM, through HotSpot's manageable options MinHeapFreeRatio and MaxHeapFreeRatio. */
    static JvmHeap running() {
        return new JvmHeap() {

            private final HotSpotDiagnosticMXBean hotspot = ManagementFactory
                    .getPlatformMXBean(HotSpotDiagnosticMXBean.class);

            @Override
            public long committed() {
                return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            }

            @Override
            public FreeRatios freeRatios() {
                if (hotspot == null) {
                    return null;
                }
                VMOption min = hotspot.getVMOption("MinHeapFreeRatio");
                VMOption max = hotspot.getVMOption("MaxHeapFreeRatio");
                return min.isWriteable() && max.isWriteable()
                        ? new FreeRatios(Integer.parseInt(min.getValue()), Integer.parseInt(max.getValue())) : null;
            }

            @Override
            public void freeRatios(FreeRatios ratios) {
                // the JVM refuses a minimum above the maximum at every step: raise the maximum first, lower it last
                if (ratios.max() >= Integer.parseInt(hotspot.getVMOption("MaxHeapFreeRatio").getValue())) {
                    hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(ratios.max()));
                    hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(ratios.min()));
                }
                else {
                    hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(ratios.min()));
                    hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(ratios.max()));
                }
            }

            @Override
            public void collect() {
                System.gc();
            }
        };
    }
}
