package io.jnetstack.personality;

/**
 * How a data receiver fills the SACK option of its ACKs (RFC 2018 §4) and whether and how it reports duplicates
 * (RFC 2883 D-SACK).
 *
 * <p>Facts from the sources: FreeBSD keeps {@code tp->sackblks} and reports D-SACK blocks (tcp_sack.c
 * tcp_update_sack_list, tcp_update_dsack_list, tcp_clean_dsack_blocks; tcp_input.c tcp_do_segment). Linux reports
 * D-SACK too (tcp_input.c tcp_dsack_set / tcp_dsack_extend, net.ipv4.tcp_dsack = 1), as does XNU (tcp_input.c
 * tcp_reass and tcp_output.c: {@code t_dsack_lseq}/{@code t_dsack_rseq} sent first, TCP_DSACK_ENABLED). OpenBSD's
 * receiver sends no D-SACK: tcp_input.c calls tcp_update_sack_list only for text it keeps. Only FreeBSD's rules are
 * modelled so far; the others keep jnetstack's generic list.
 */
public enum SackReporting {
    /**
     * jnetstack's generic list: the held ranges most recently changed first, led by one pending duplicate block
     * for text already held or partly below RCV.NXT (RFC 2018 §4, RFC 2883 §4).
     */
    RECENT_FIRST,
    /**
     * FreeBSD's {@code tp->sackblks}: up to six blocks kept by tcp_update_sack_list and tcp_update_dsack_list,
     * D-SACK blocks also for text wholly below RCV.NXT, cleared by tcp_clean_dsack_blocks once an ACK carried them.
     */
    FREEBSD
}
