using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class IpAddressRecognizerTests
{
    [Theory]
    [InlineData("keep getting address 48.90.248.226 blocked", "48.90.248.226")]
    [InlineData("client_ip = ?%//!%20\\|19.253.176.22|%20/", "19.253.176.22")]
    [InlineData("from 2001:db8:85a3::8a2e:370:7334 today", "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("host fe80::1ff:fe23:4567:890a.", "fe80::1ff:fe23:4567:890a")]
    public void FindsAddressesThatParse(string text, string address) => Assert.Equal([address], Found.Of(PiiTypes.IpAddress, text));

    [Theory]
    [InlineData("octet 999.1.1.1 is too big")]
    [InlineData("meet at 12:30:45 sharp")]
    [InlineData("upgrade to version 1.2.3.4")]
    [InlineData("listen on 127.0.0.1 and ::1")]
    [InlineData("padded 010.001.001.001")]
    [InlineData("section 1.2.3.4.5 of the spec")]
    public void IgnoresVersionsTimesLoopbackAndNonAddresses(string text) => Assert.Empty(Found.Of(PiiTypes.IpAddress, text));
}
