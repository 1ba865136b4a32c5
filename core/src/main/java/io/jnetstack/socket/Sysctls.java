package io.jnetstack.socket;

import io.jnetstack.personality.PortRange;
import io.jnetstack.personality.Personality;
import io.jnetstack.stack.Stack;
import java.util.TreeMap;

/**
 * A host's tunables under each OS's own names (Linux /proc/sys with dots, BSD sysctl MIB names): the open-file
 * ceiling (fs.file-max, kern.maxfiles) and the ephemeral port range (Linux net.ipv4.ip_local_port_range, a pair;
 * FreeBSD and macOS net.inet.ip.portrange.first/last; OpenBSD net.inet.ip.portfirst/portlast), plus the
 * personality's {@link io.jnetstack.personality.Tunables}. A name the OS does not have is ENOENT at the system call;
 * a value the kernel would refuse is EINVAL; a value the kernel takes but jnetstack does not model is EOPNOTSUPP.
 */
public final class Sysctls {
    private final TreeMap<String, Knob> knobs = new TreeMap<>();
    private long maxFiles;
    private final io.jnetstack.personality.Tunables tunables;

    /** Reads and writes one tunable; the setter says whether the kernel accepts the values. */
    private interface Knob {
        long[] get();

        boolean set(long[] v);
    }

    Sysctls(Personality p, Stack stack) {
        maxFiles = p.socketRules().openFilesPerHost();
        knobs.put(p.socketRules().maxFilesName(), new Knob() {
            public long[] get() {
                return new long[] {maxFiles};
            }

            public boolean set(long[] v) {
                if (v.length != 1 || v[0] < 0) {
                    return false;
                }
                maxFiles = v[0];
                return true;
            }
        });
        String mayReset = p.socketRules().icmpMayResetName();
        if (mayReset != null) {
            knobs.put(mayReset, new Knob() {
                public long[] get() {
                    return new long[] {stack.tcpIcmpMayReset() ? 1 : 0};
                }

                public boolean set(long[] v) {
                    if (v.length != 1) {
                        return false;
                    }
                    stack.setTcpIcmpMayReset(v[0] != 0);
                    return true;
                }
            });
        }
        io.jnetstack.personality.Tunables tunables = p.tunables();
        for (io.jnetstack.personality.Tunables.Spec spec : tunables.specs()) {
            knobs.put(spec.name(), new Knob() {
                public long[] get() {
                    return new long[] {tunables.get(spec.name())};
                }

                public boolean set(long[] v) {
                    if (v.length != 1 || !tunables.models(spec.name(), v[0])) {
                        return false;
                    }
                    tunables.set(spec.name(), v[0]);
                    return true;
                }
            });
        }
        this.tunables = tunables;
        String first = p.socketRules().portFirstName();
        String last = p.socketRules().portLastName();
        if (first.equals(last)) {
            knobs.put(first, new Knob() { // Linux: "first last" in one file (proc_do_large_bitmap-free pair)
                public long[] get() {
                    PortRange r = stack.ephemeralPortRange();
                    return new long[] {r.first(), r.last()};
                }

                public boolean set(long[] v) {
                    return v.length == 2 && range(stack, v[0], v[1]);
                }
            });
        } else {
            knobs.put(first, end(stack, true));
            knobs.put(last, end(stack, false));
        }
    }

    private static Knob end(Stack stack, boolean first) {
        return new Knob() {
            public long[] get() {
                PortRange r = stack.ephemeralPortRange();
                return new long[] {first ? r.first() : r.last()};
            }

            public boolean set(long[] v) {
                PortRange r = stack.ephemeralPortRange();
                return v.length == 1 && (first ? range(stack, v[0], r.last()) : range(stack, r.first(), v[0]));
            }
        };
    }

    private static boolean range(Stack stack, long first, long last) {
        if (first < 1 || last > 65535 || first > last) {
            return false;
        }
        stack.setEphemeralPortRange(new PortRange((int) first, (int) last));
        return true;
    }

    /** The values of {@code name}; null when the OS has no such tunable. */
    public long[] get(String name) {
        Knob k = knobs.get(name);
        return k == null ? null : k.get();
    }

    /** Sets {@code name}; false when the OS has no such tunable or refuses the values. */
    public boolean set(String name, long[] values) {
        Knob k = knobs.get(name);
        return k != null && k.set(values);
    }

    /**
     * True when {@code name} is one of the personality's tunables and {@code values} is a value the kernel accepts
     * but jnetstack does not reproduce (the call fails with EOPNOTSUPP rather than pretending).
     */
    public boolean notModelled(String name, long[] values) {
        return tunables.has(name) && values.length == 1 && !tunables.models(name, values[0]);
    }

    /** Whether the OS has {@code name}. */
    public boolean has(String name) {
        return knobs.containsKey(name);
    }

    long maxFiles() {
        return maxFiles;
    }
}
