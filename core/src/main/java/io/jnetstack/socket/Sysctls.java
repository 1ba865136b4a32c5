package io.jnetstack.socket;

import io.jnetstack.personality.Personality;
import java.util.TreeMap;

/**
 * A host's tunables by name, each OS's own names (Linux /proc/sys with dots, BSD sysctl MIB names). Reading an unknown
 * name is ENOENT at the system call.
 */
public final class Sysctls {
    /** The host-wide open-file ceiling, under each OS's name. */
    static final String MAX_FILES = "maxfiles";
    private final TreeMap<String, Long> values = new TreeMap<>();
    private final TreeMap<String, String> aliases = new TreeMap<>();

    Sysctls(Personality p) {
        values.put(MAX_FILES, (long) p.socketRules().openFilesPerHost());
        aliases.put(p.socketRules().maxFilesName(), MAX_FILES);
    }

    /** The value of {@code name} (an OS name or an internal one); null when the OS has no such tunable. */
    public Long get(String name) {
        return values.get(aliases.getOrDefault(name, name));
    }

    /** Sets {@code name}; false when the OS has no such tunable. */
    public boolean set(String name, long value) {
        String key = aliases.getOrDefault(name, name);
        if (!values.containsKey(key)) {
            return false;
        }
        values.put(key, value);
        return true;
    }

    long value(String key) {
        return values.get(key);
    }
}
