package io.jnetstack.pktrun;

/**
 * The script's view of the connection under test and the numbers packetdrill maps between script and live values:
 * the host's initial sequence number (learned from the first SYN it sends: script sequence and acknowledgement
 * numbers of the host's side are relative to it), the remote side's (script numbers are sent as written, so it
 * is zero), the ports, and the pair of timestamp values that maps script TSecr values to the host's clock.
 */
final class Flow {
    /** packetdrill's default port for bind(..., ...) and connect(..., ...) (config.c live_bind_port / connect). */
    static final int SCRIPT_PORT = 8080;
    /** The port the remote peer uses towards a listening socket. */
    static final int REMOTE_EPHEMERAL_PORT = 40_000;

    int localPort = -1;
    private boolean passive;
    private boolean portUsed;
    private boolean portHadSyn;
    int remotePort = -1;
    /** The host's ISN once a SYN from it has been seen. */
    Integer localIsn;
    /** Script TSval → the live TSval the host sent on that line (packetdrill map_outbound_live_packet). */
    final java.util.TreeMap<Long, Long> tsValues = new java.util.TreeMap<>();
    /** The first TSval the host sent (live) and the script's value for it, for printing live values. */
    Long liveTsBase;
    Long scriptTsBase;

    /** bind(..., ...): the socket is the script's port on the local address. */
    void bound() {
        localPort = SCRIPT_PORT;
    }

    /** listen(): peers come from the remote peer's port. */
    void listening() {
        if (localPort < 0) {
            localPort = SCRIPT_PORT;
        }
        remotePort = REMOTE_EPHEMERAL_PORT;
        passive = true;
    }

    /**
     * The remote port for an inbound segment towards a listener. packetdrill gives each passive child a port of its
     * own (run_packet.c ephemeral_port): a SYN that follows segments sent from this port before any SYN on it (a
     * stray SYN-ACK, say, which the host answered with a RST) comes from a fresh port, so that RST is not the
     * child's; a SYN after a SYN on the same port (reopening TIME-WAIT) keeps it.
     */
    int remotePortFor(boolean synWithoutAck) {
        if (passive && synWithoutAck) {
            if (portUsed && !portHadSyn) {
                remotePort++;
                localIsn = null;
            }
            portHadSyn = true;
        }
        portUsed = true;
        return remotePort;
    }

    /**
     * connect(..., ...): towards the script port on the remote address; the local port and the ISN come from the
     * host's next SYN (a connect() on a connected socket sends nothing and changes neither).
     */
    void connecting() {
        remotePort = SCRIPT_PORT;
    }

    /** The live sequence number for a host-side script number. */
    int liveLocalSeq(long script) {
        return (int) script + (localIsn == null ? 0 : localIsn);
    }

    /** The script number for a live host-side sequence number. */
    long scriptLocalSeq(int live) {
        return Integer.toUnsignedLong(live - (localIsn == null ? 0 : localIsn));
    }

    /**
     * The live TSecr for a script TSecr on a segment with ACK set: the TSval the host sent on the outbound line
     * whose script TSval it names (packetdrill run_packet.c map_inbound_packet); a value no outbound line gave
     * is an error in the script.
     */
    long liveEcr(long scriptEcr) {
        Long live = tsValues.get(scriptEcr);
        if (live == null) {
            throw ScriptStop.fail("TS ecr " + scriptEcr + " names no TS val of an earlier outbound packet"
                    + " (write 'ecr " + scriptEcr + "!' for an absolute value)");
        }
        return live;
    }
}
