package io.jnetstack.pktrun;

import io.jnetstack.pkt.Event;

/**
 * A script's name and text, for quoting its lines in failure messages.
 *
 * @param name the file name as the user gave it
 * @param text the script text
 */
record ScriptSource(String name, String text) {
    /** The event's line as written, trimmed of its time and surrounding blanks. */
    String line(Event e) {
        String[] lines = text.split("\n", -1);
        int i = e.position().line() - 1;
        String l = i >= 0 && i < lines.length ? lines[i].strip() : "?";
        int cut = 0;
        while (cut < l.length() && "+*.0123456789~ \t".indexOf(l.charAt(cut)) >= 0) {
            cut++;
        }
        return "'" + l.substring(cut).strip() + "'";
    }
}
