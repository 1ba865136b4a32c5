package io.jnetstack.personality;

import java.util.ArrayList;
import java.util.List;

/**
 * FreeBSD's TCP sysctls that jnetstack models, with the kernel's defaults (FreeBSD 14) and the values whose
 * behaviour is reproduced; and the rules that turn them into personality answers. Values outside a tunable's
 * modelled set are refused as not modelled (the sysctl call fails with EOPNOTSUPP).
 */
final class FreeBsdTunables {
    static final String RFC1323 = "net.inet.tcp.rfc1323";
    static final String SACK = "net.inet.tcp.sack.enable";
    static final String MAXSOCKBUF = "kern.ipc.maxsockbuf";
    static final String KEEPINIT = "net.inet.tcp.keepinit";
    static final String KEEPIDLE = "net.inet.tcp.keepidle";
    static final String KEEPINTVL = "net.inet.tcp.keepintvl";
    static final String KEEPCNT = "net.inet.tcp.keepcnt";
    static final String DELACKTIME = "net.inet.tcp.delacktime";
    static final String INSECURE_RST = "net.inet.tcp.insecure_rst";
    static final String INSECURE_SYN = "net.inet.tcp.insecure_syn";
    static final String DROP_SYNFIN = "net.inet.tcp.drop_synfin";
    static final String TOLERATE_MISSING_TS = "net.inet.tcp.tolerate_missing_ts";
    static final String ECN_ENABLE = "net.inet.tcp.ecn.enable";
    static final String ECN_MAXRETRIES = "net.inet.tcp.ecn.maxretries";
    static final String REXMIT_DROP_OPTIONS = "net.inet.tcp.rexmit_drop_options";
    static final String UDP_TUNNELING_PORT = "net.inet.tcp.udp_tunneling_port";
    static final String UDP_TUNNELING_OVERHEAD = "net.inet.tcp.udp_tunneling_overhead";
    static final String FASTOPEN_CLIENT_ENABLE = "net.inet.tcp.fastopen.client_enable";
    static final String FASTOPEN_PATH_DISABLE_TIME = "net.inet.tcp.fastopen.path_disable_time";
    /** kern.hz: the tick rate TCP_KEEPINIT and friends are converted with (setsockopt: ui > UINT_MAX / hz → EINVAL). */
    static final long HZ = 1000;

    /** TCP_MAXWIN (tcp.h) and TCP_MAX_WINSHIFT. */
    private static final long MAXWIN = 65_535;
    private static final int MAX_WINSHIFT = 14;
    /** TCPTV_REXMTMAX 64 s (tcp_timer.h) and TCP_MAXRXTSHIFT 12 (tcp_var.h). */
    private static final long REXMT_MAX_MS = 64_000;
    private static final int MAXRXTSHIFT = 12;

    private FreeBsdTunables() {}

    static List<Tunables.Spec> specs() {
        return Tunables.list(
                new Tunables.Spec(RFC1323, 1, v -> v == 0 || v == 1,
                        "tcp_subr.c V_tcp_do_rfc1323: window scale and timestamps in the SYN (tcp_connect, syncache)"),
                new Tunables.Spec(SACK, 1, v -> v == 0 || v == 1,
                        "tcp_sack.c V_tcp_do_sack: SACK-permitted in the SYN"),
                new Tunables.Spec(MAXSOCKBUF, 2_097_152, v -> v >= 65_536 && v <= 0xFFFF_FFFFL,
                        "uipc_sockbuf.c sb_max: the window scale a SYN asks for (tcp_connect request_r_scale)"),
                new Tunables.Spec(KEEPINIT, 75_000, v -> v >= 1 && v <= 3_600_000_000L,
                        "tcp_timer.c tcp_keepinit (ms): how long an unanswered SYN is retried"),
                new Tunables.Spec(KEEPIDLE, 7_200_000, v -> v >= 1 && v <= 3_600_000_000L,
                        "tcp_timer.c tcp_keepidle (ms)"),
                new Tunables.Spec(KEEPINTVL, 75_000, v -> v >= 1 && v <= 3_600_000_000L,
                        "tcp_timer.c tcp_keepintvl (ms)"),
                new Tunables.Spec(KEEPCNT, 8, v -> v >= 1 && v <= 1000, "tcp_timer.c tcp_keepcnt"),
                new Tunables.Spec(DELACKTIME, 40, v -> v >= 1 && v <= 500,
                        "tcp_timer.c tcp_delacktime (ms): tcp_timer.h TCPTV_DELACK (hz / 25), \"40ms timeout\""),
                defaultOnly("net.inet.tcp.blackhole", 0),
                new Tunables.Spec(ECN_ENABLE, 2, v -> v >= 0 && v <= 2,
                        "tcp_ecn.c V_tcp_do_ecn: 0 off; 1 asks for ECN in the SYN (tcp_ecn_output_syn_sent) and"
                                + " accepts it; 2 only accepts an ECN-setup SYN (tcp_ecn_syncache_add,"
                                + " tcp_ecn_input_parallel_syn); negotiation and ECT(0) marking only, CE feedback"
                                + " is not modelled"),
                new Tunables.Spec(ECN_MAXRETRIES, 1, v -> v >= 0 && v <= 30,
                        "tcp_ecn.c V_tcp_ecn_maxretries: SYN retransmissions still sent with ECE|CWR (ecn.enable 1)"),
                defaultOnly("net.inet.tcp.rexmit_initial", 1000),
                defaultOnly("net.inet.tcp.rexmit_slop", 200),
                new Tunables.Spec(REXMIT_DROP_OPTIONS, 0, v -> v == 0 || v == 1,
                        "tcp_timer.c tcp_timer_rexmt: at the third SYN retransmission, stop offering window scale,"
                                + " timestamps and SACK"),
                defaultOnly("net.inet.tcp.recvspace", 65_536),
                defaultOnly("net.inet.tcp.sendspace", 32_768),
                new Tunables.Spec("net.inet.tcp.hostcache.purgenow", 0, v -> v == 0 || v == 1,
                        "tcp_hostcache.c: jnetstack keeps no host cache, so purging it changes nothing"),
                new Tunables.Spec(INSECURE_RST, 0, v -> v == 0 || v == 1,
                        "tcp_input.c tcp_do_segment V_tcp_insecure_rst: any RST in [last_ack_sent, last_ack_sent +"
                                + " rcv_wnd) drops the connection instead of drawing a challenge ACK (RFC 5961 §3.2)"),
                new Tunables.Spec(INSECURE_SYN, 0, v -> v == 0 || v == 1,
                        "tcp_input.c tcp_do_segment V_tcp_insecure_syn: a SYN in the window of a synchronized"
                                + " connection drops it with a RST instead of a challenge ACK (RFC 5961 §4.2)"),
                new Tunables.Spec(DROP_SYNFIN, 0, v -> v == 0 || v == 1,
                        "tcp_input.c tcp_input_with_port / tcp_do_segment and tcp_timewait.c tcp_twcheck"
                                + " V_drop_synfin: segments with SYN and FIN set are dropped silently"),
                defaultOnly("net.inet.tcp.syncookies", 1),
                defaultOnly("net.inet.tcp.syncookies_only", 0),
                new Tunables.Spec(FASTOPEN_CLIENT_ENABLE, 1, v -> v == 0 || v == 1,
                        "tcp_fastopen.c V_tcp_fastopen_client_enable: TCP_FASTOPEN on a client socket"
                                + " (tcp_default_ctloutput: EPERM while off); turning it off empties the client"
                                + " cookie cache (sysctl_net_inet_tcp_fastopen_client_enable"
                                + " tcp_fastopen_ccache_bucket_trim)"),
                new Tunables.Spec(FASTOPEN_PATH_DISABLE_TIME, 900, v -> v >= 0 && v <= 0x7FFF_FFFFL,
                        "tcp_fastopen.c V_tcp_fastopen_path_disable_time (s,"
                                + " TCP_FASTOPEN_PATH_DISABLE_TIME_DEFAULT): how long a path whose server sent no or"
                                + " an invalid cookie goes without TFO (tcp_fastopen_connect)"),
                defaultOnly("net.inet.tcp.mssdflt", 536),
                defaultOnly("net.inet.tcp.v6mssdflt", 1220),
                defaultOnly("net.inet.tcp.path_mtu_discovery", 1),
                defaultOnly("net.inet.tcp.pmtud_blackhole_detection", 0),
                defaultOnly("net.inet.tcp.pmtud_blackhole_mss", 1200),
                defaultOnly("net.inet.tcp.v6pmtud_blackhole_mss", 1220),
                new Tunables.Spec(TOLERATE_MISSING_TS, 1, v -> v == 0 || v == 1,
                        "tcp_input.c tcp_do_segment and tcp_timewait.c tcp_twcheck V_tcp_tolerate_missing_ts: 0"
                                + " drops a non-RST segment without timestamps once they are in use (RFC 7323"
                                + " §3.2)"),
                new Tunables.Spec(UDP_TUNNELING_PORT, 0, v -> v >= 0 && v <= 65_535,
                        "tcp_subr.c sysctl_net_inet_tcp_udp_tunneling_port_check (TCP_TUNNELING_PORT_MIN..MAX):"
                                + " a non-zero port starts TCP over UDP (tcp_over_udp_start: a kernel UDP socket on"
                                + " it hands datagrams to tcp_recv_udp_tunneled_packet); 0 stops it"),
                new Tunables.Spec(UDP_TUNNELING_OVERHEAD, 8, v -> v >= 8 && v <= 1024,
                        "tcp_subr.c sysctl_net_inet_tcp_udp_tunneling_overhead_check (TCP_TUNNELING_OVERHEAD_MIN"
                                + " sizeof(struct udphdr) .. MAX 1024): the MSS reduction of an encapsulated"
                                + " connection (tcp_mss, tcp_mssopt)"));
    }

    private static Tunables.Spec defaultOnly(String name, long value) {
        return new Tunables.Spec(name, value, v -> v == value, "modelled at its default only");
    }

    /**
     * tcp_addoptions() (tcp_output.c) for a SYN: MSS; then, with rfc1323, NOP and window scale; SACK-permitted
     * after NOPs to an even offset; with rfc1323, timestamps after NOPs to offset 2 mod 4; EOL padding to a word.
     */
    static List<SynOption> synLayout(boolean rfc1323, boolean sack) {
        List<SynOption> out = new ArrayList<>();
        int len = 4;
        out.add(SynOption.MSS);
        if (rfc1323) {
            out.add(SynOption.NOP);
            out.add(SynOption.WINDOW_SCALE);
            len += 4;
        }
        if (sack) {
            out.add(SynOption.SACK_PERMITTED);
            len += 2;
        }
        if (rfc1323) {
            while (len % 4 != 2) {
                out.add(SynOption.NOP);
                len++;
            }
            out.add(SynOption.TIMESTAMPS);
            len += 10;
        }
        while (len % 4 != 0) {
            out.add(SynOption.EOL);
            len++;
        }
        return List.copyOf(out);
    }

    /**
     * tcp_connect(): {@code while (request_r_scale < TCP_MAX_WINSHIFT && (TCP_MAXWIN << request_r_scale) <
     * sb_max) request_r_scale++} — 6 for the default 2 MiB.
     */
    static int windowScale(long maxSockBuf) {
        int s = 0;
        while (s < MAX_WINSHIFT && (MAXWIN << s) < maxSockBuf) {
            s++;
        }
        return s;
    }

    /**
     * tcp_timer.c tcp_timer_rexmt(): SYNs at 0, 1, 3.2, 7.4, 15.6, 31.8 s (doubling from the 1 s initial RTO, plus
     * rexmit_slop from the second retransmission), then every TCPTV_REXMTMAX (64 s) until TCP_MAXRXTSHIFT; the
     * attempt ends at keepinit (tcp_timer_keep) or at the last timeout, whichever comes first.
     */
    static SynRetransmission synSchedule(long keepInitMs) {
        List<Long> offsets = new ArrayList<>(List.of(0L, 1000L, 3200L, 7400L, 15_600L, 31_800L, 64_000L));
        while (offsets.size() < MAXRXTSHIFT - 1) {
            offsets.add(offsets.getLast() + REXMT_MAX_MS);
        }
        long giveUp = Math.min(keepInitMs, offsets.getLast() + REXMT_MAX_MS);
        offsets.removeIf(o -> o >= giveUp);
        return SynRetransmission.ofMillis(giveUp, offsets.stream().mapToLong(Long::longValue).toArray());
    }
}
