package io.jnetstack.personality.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte fixtures of each OS's sockaddr layouts, and every {@link SockaddrProblem} the decoder reports. */
class SockaddrCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SockaddrCodec LINUX = Abi.linux().sockaddr();
    private static final SockaddrCodec FREEBSD = Abi.freebsd().sockaddr();
    private static final SockaddrCodec OPENBSD = Abi.openbsd().sockaddr();
    private static final SockaddrCodec MACOS = Abi.macos().sockaddr();

    private static final Sockaddr.In LOOPBACK_80 = new Sockaddr.In(80, 0x7f000001);
    /** fe80::1 port 8080, flow label 0x12345, scope id 3. */
    private static final Sockaddr.In6 LINK_LOCAL = new Sockaddr.In6(8080, 0x12345, 0xfe80_0000_0000_0000L, 1L, 3);

    /*
     * Linux namelen rules measured on the development machine with bind(2) in an empty network namespace
     * (unshare -n, no packet sent): AF_INET namelen 128 ok, 129 EINVAL, (socklen_t) -1 EINVAL, 1 EINVAL; AF_INET6 ::1
     * namelen 24 accepted (EADDRNOTAVAIL: lo is down), 23 EINVAL; AF_UNIX abstract namelen 110 ok, 111 EINVAL.
     */

    @Test
    void sockaddrIn_forLoopbackPort80_hasEachOsLayout() {
        // Linux: measured, a C program dumping struct sockaddr_in {AF_INET, htons(80), 127.0.0.1} (gcc, x86-64)
        assertThat(HEX.formatHex(LINUX.encode(LOOPBACK_80))).isEqualTo("020000507f0000010000000000000000");
        assertThat(HEX.formatHex(FREEBSD.encode(LOOPBACK_80))).isEqualTo("100200507f0000010000000000000000");
        assertThat(HEX.formatHex(OPENBSD.encode(LOOPBACK_80))).isEqualTo("100200507f0000010000000000000000");
        assertThat(HEX.formatHex(MACOS.encode(LOOPBACK_80))).isEqualTo("100200507f0000010000000000000000");
        assertThat(decodeOk(LINUX, "020000507f0000010000000000000000")).isEqualTo(LOOPBACK_80);
    }

    @Test
    void sockaddrIn_thatTheLinuxKernelWrote_decodes() {
        // measured: bind(127.0.0.1:0) then getsockname() on the development machine; ephemeral port 47129
        assertThat(decodeOk(LINUX, "0200b8197f0000010000000000000000")).isEqualTo(new Sockaddr.In(47129, 0x7f000001));
    }

    @Test
    void sockaddrIn6_carriesFlowInfoInNetworkOrder_andScopeIdInHostOrder() {
        // Linux: measured, struct sockaddr_in6 {AF_INET6, htons(8080), htonl(0x12345), fe80::1, 3} dumped by gcc
        String linux = "0a001f9000012345fe80000000000000000000000000000103000000";
        assertThat(HEX.formatHex(LINUX.encode(LINK_LOCAL))).isEqualTo(linux);
        assertThat(decodeOk(LINUX, linux)).isEqualTo(LINK_LOCAL);
        String tail = "1f9000012345fe80000000000000000000000000000103000000";
        assertThat(HEX.formatHex(FREEBSD.encode(LINK_LOCAL))).isEqualTo("1c1c" + tail);
        assertThat(HEX.formatHex(OPENBSD.encode(LINK_LOCAL))).isEqualTo("1c18" + tail);
        assertThat(HEX.formatHex(MACOS.encode(LINK_LOCAL))).isEqualTo("1c1e" + tail);
    }

    @Test
    void linuxAccepts24ByteSockaddrIn6_withScopeIdZero_butTheBsdsNeed28() {
        String rfc2133 = "0a001f9000012345fe800000000000000000000000000001";
        assertThat(decodeOk(LINUX, rfc2133)).isEqualTo(new Sockaddr.In6(8080, 0x12345, 0xfe80L << 48, 1L, 0));
        assertThat(problem(FREEBSD, "1c1c1f9000012345fe800000000000000000000000000001"))
                .isEqualTo(SockaddrProblem.TOO_SHORT);
        assertThat(problem(LINUX, "0a001f9000012345fe8000000000000000000000000000"))
                .isEqualTo(SockaddrProblem.TOO_SHORT);
    }

    @Test
    void linuxUnixAddresses_asTheKernelReportsThem() {
        // measured with getsockname() after bind() of an AF_UNIX socket on the development machine
        assertThat(decodeOk(LINUX, "0100006a6e73")).isEqualTo(Sockaddr.Un.abstractName(new byte[] {'j', 'n', 's'}));
        assertThat(decodeOk(LINUX, "01002f746d702f6162692f7300")).isEqualTo(Sockaddr.Un.pathname("/tmp/abi/s"));
        assertThat(decodeOk(LINUX, "0100")).isEqualTo(Sockaddr.Un.unnamed());
        assertThat(HEX.formatHex(LINUX.encode(Sockaddr.Un.pathname("/tmp/abi/s"))))
                .isEqualTo("01002f746d702f6162692f7300");
        assertThat(HEX.formatHex(LINUX.encode(Sockaddr.Un.abstractName(new byte[] {'j', 'n', 's'}))))
                .isEqualTo("0100006a6e73");
        assertThat(LINUX.encode(Sockaddr.Un.unnamed())).hasSize(2);
    }

    @Test
    void bsdUnixAddresses_useSunLen_andAnUnnamedSocketIsSunNoname() {
        assertThat(HEX.formatHex(FREEBSD.encode(Sockaddr.Un.pathname("/s")))).isEqualTo("0401" + "2f73");
        assertThat(HEX.formatHex(MACOS.encode(Sockaddr.Un.unnamed()))).isEqualTo("1001" + "00".repeat(14));
        assertThat(decodeOk(OPENBSD, "1001" + "00".repeat(14))).isEqualTo(Sockaddr.Un.unnamed());
        assertThat(decodeOk(FREEBSD, "00012f7300ffff")).isEqualTo(Sockaddr.Un.pathname("/s"));
        assertThatThrownBy(() -> FREEBSD.encode(Sockaddr.Un.abstractName(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unixPathLimits_are108OnLinux_andTheWholeSockaddrOnTheBsds() {
        String p108 = "a".repeat(108);
        assertThat(LINUX.encode(Sockaddr.Un.pathname(p108))).hasSize(110);
        assertThatThrownBy(() -> LINUX.encode(Sockaddr.Un.pathname(p108 + "a")))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] tooLong = new byte[111];
        tooLong[0] = 1;
        assertThat(LINUX.decode(tooLong, 0, 111)).isInstanceOf(SockaddrDecoding.Invalid.class)
                .extracting(d -> ((SockaddrDecoding.Invalid) d).problem())
                .isEqualTo(SockaddrProblem.TOO_LONG_FOR_FAMILY);
        // xnu unp_bind/unp_connect copy up to SOCK_MAXADDRLEN - 1 path bytes, past the 104-byte sun_path
        assertThat(MACOS.encode(Sockaddr.Un.pathname("b".repeat(253)))).hasSize(255);
        assertThat(decodeOk(MACOS, HEX.formatHex(MACOS.encode(Sockaddr.Un.pathname("b".repeat(200))))))
                .isEqualTo(Sockaddr.Un.pathname("b".repeat(200)));
    }

    @Test
    void aSystemCallIgnoresTheBsdSaLenByte_butDecodeWithLengthFieldTrustsIt() {
        String bogusLen = "ee0200507f0000010000000000000000";
        assertThat(decodeOk(FREEBSD, bogusLen)).isEqualTo(LOOPBACK_80);
        byte[] b = HEX.parseHex(bogusLen);
        assertThat(((SockaddrDecoding.Invalid) FREEBSD.decodeWithLengthField(b, 0, b.length)).problem())
                .isEqualTo(SockaddrProblem.BAD_LENGTH_FIELD);
        b[0] = 1;
        assertThat(((SockaddrDecoding.Invalid) MACOS.decodeWithLengthField(b, 0, b.length)).problem())
                .isEqualTo(SockaddrProblem.BAD_LENGTH_FIELD);
        b[0] = 16;
        assertThat(OPENBSD.decodeWithLengthField(b, 0, b.length))
                .isEqualTo(new SockaddrDecoding.Ok(LOOPBACK_80, 16));
        assertThat(LINUX.decodeWithLengthField(HEX.parseHex("020000507f000001"), 0, 8))
                .extracting(d -> ((SockaddrDecoding.Invalid) d).problem()).isEqualTo(SockaddrProblem.TOO_SHORT);
    }

    @Test
    void namelenAboveTheMaximum_isTooLong_128OnLinux_255OnTheBsds_andNegativeIsTooLongEverywhere() {
        byte[] big = new byte[300];
        big[0] = 2;
        assertThat(problem(LINUX, big, 129)).isEqualTo(SockaddrProblem.TOO_LONG);
        assertThat(LINUX.decode(big, 0, 128)).isEqualTo(new SockaddrDecoding.Ok(new Sockaddr.In(0, 0), 128));
        big[1] = 2;
        assertThat(problem(FREEBSD, big, 256)).isEqualTo(SockaddrProblem.TOO_LONG);
        assertThat(FREEBSD.decode(big, 0, 255)).isEqualTo(new SockaddrDecoding.Ok(new Sockaddr.In(0, 0), 255));
        for (Abi abi : Abi.all()) {
            assertThat(problem(abi.sockaddr(), big, -1)).as(abi.name()).isEqualTo(SockaddrProblem.TOO_LONG);
        }
    }

    @Test
    void namelenBelowTheFamilyField_hasNoFamily() {
        for (Abi abi : Abi.all()) {
            assertThat(problem(abi.sockaddr(), new byte[16], 0)).as(abi.name()).isEqualTo(SockaddrProblem.NO_FAMILY);
            assertThat(problem(abi.sockaddr(), new byte[16], 1)).as(abi.name()).isEqualTo(SockaddrProblem.NO_FAMILY);
        }
    }

    @Test
    void bytesBeyondTheBuffer_areOutsideTheBuffer_theEfaultCase() {
        for (Abi abi : Abi.all()) {
            SockaddrCodec c = abi.sockaddr();
            assertThat(problem(c, new byte[8], 16)).as(abi.name()).isEqualTo(SockaddrProblem.OUTSIDE_BUFFER);
            assertThat(problem(c, null, 16)).as(abi.name()).isEqualTo(SockaddrProblem.OUTSIDE_BUFFER);
            assertThat(((SockaddrDecoding.Invalid) c.decode(new byte[32], 20, 16)).problem())
                    .isEqualTo(SockaddrProblem.OUTSIDE_BUFFER);
            assertThat(((SockaddrDecoding.Invalid) c.decode(new byte[32], -1, 16)).problem())
                    .isEqualTo(SockaddrProblem.OUTSIDE_BUFFER);
        }
    }

    @Test
    void anUnknownFamily_isABadFamily_namingTheFamilyRead() {
        SockaddrDecoding.Invalid linux =
                (SockaddrDecoding.Invalid) LINUX.decode(HEX.parseHex("2f00" + "00".repeat(14)), 0, 16);
        assertThat(linux.problem()).isEqualTo(SockaddrProblem.BAD_FAMILY);
        assertThat(linux.family()).isEqualTo(47);
        SockaddrDecoding.Invalid highByte =
                (SockaddrDecoding.Invalid) LINUX.decode(HEX.parseHex("0201" + "00".repeat(14)), 0, 16);
        assertThat(highByte.family()).isEqualTo(0x102);
        // AF_INET6 of another OS: 28 is FreeBSD's, not OpenBSD's (24) or macOS's (30)
        assertThat(problem(OPENBSD, "1c1c" + "00".repeat(26))).isEqualTo(SockaddrProblem.BAD_FAMILY);
        assertThat(problem(MACOS, "1c1c" + "00".repeat(26))).isEqualTo(SockaddrProblem.BAD_FAMILY);
    }

    @Test
    void sockaddrInShorterThan16_isTooShort_andLongerIsDecodedWithItsLength() {
        assertThat(problem(LINUX, "020000507f00000100000000000000")).isEqualTo(SockaddrProblem.TOO_SHORT);
        assertThat(LINUX.decode(HEX.parseHex("020000507f000001" + "00".repeat(12)), 0, 20))
                .isEqualTo(new SockaddrDecoding.Ok(LOOPBACK_80, 20));
        assertThat(FREEBSD.structSize(2)).hasValue(16);
        assertThat(LINUX.structSize(1)).hasValue(110);
        assertThat(MACOS.structSize(1)).hasValue(106);
        assertThat(LINUX.minimumLength(10)).hasValue(24);
        assertThat(OPENBSD.minimumLength(24)).hasValue(28);
        assertThat(OPENBSD.structSize(10)).isEmpty();
    }

    @Test
    void afUnspec_decodesAtAnyLengthFromTwo_andEncodesAsAZeroedStructSockaddr() {
        assertThat(decodeOk(LINUX, "0000")).isEqualTo(new Sockaddr.Unspec());
        assertThat(HEX.formatHex(LINUX.encode(new Sockaddr.Unspec()))).isEqualTo("00".repeat(16));
        assertThat(HEX.formatHex(FREEBSD.encode(new Sockaddr.Unspec()))).isEqualTo("10" + "00".repeat(15));
    }

    @Test
    void familyNumbers_comeFromEachOsConstantTable() {
        for (Abi abi : Abi.all()) {
            ConstantTable t = abi.constants();
            assertThat(abi.sockaddr().familyOf(LINK_LOCAL)).isEqualTo(t.value(AbiConstant.AF_INET6).orElseThrow());
            assertThat(abi.sockaddr().familyOf(LOOPBACK_80)).isEqualTo(t.value(AbiConstant.AF_INET).orElseThrow());
            assertThat(abi.sockaddr().familyOf(Sockaddr.Un.unnamed()))
                    .isEqualTo(t.value(AbiConstant.AF_UNIX).orElseThrow());
            assertThat(abi.sockaddr().familyOf(new Sockaddr.Unspec()))
                    .isEqualTo(t.value(AbiConstant.AF_UNSPEC).orElseThrow());
        }
    }

    private static Sockaddr decodeOk(SockaddrCodec c, String hex) {
        byte[] b = HEX.parseHex(hex);
        SockaddrDecoding d = c.decode(b, 0, b.length);
        assertThat(d).as(hex).isInstanceOf(SockaddrDecoding.Ok.class);
        return ((SockaddrDecoding.Ok) d).address();
    }

    private static SockaddrProblem problem(SockaddrCodec c, String hex) {
        byte[] b = HEX.parseHex(hex);
        return problem(c, b, b.length);
    }

    private static SockaddrProblem problem(SockaddrCodec c, byte[] b, int namelen) {
        SockaddrDecoding d = c.decode(b, 0, namelen);
        assertThat(d).as("namelen " + namelen).isInstanceOf(SockaddrDecoding.Invalid.class);
        return ((SockaddrDecoding.Invalid) d).problem();
    }
}
