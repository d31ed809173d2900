using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Traject.Web.Common.Access;
using Traject.Web.Modules.Auth;

namespace Traject.Tests.Unit;

/// <summary>The rules of what a node keeps of signed-in professionals, without a database (ADR 0026).</summary>
public sealed class SignedInCacheUnitTests
{
    private static readonly Actor Mira = new(Guid.NewGuid(), "Mira Mentor (demo)", Guid.NewGuid(), OrganisationKind.YouthCareProvider,
        new HashSet<string>(["Mentor"], StringComparer.Ordinal));

    private static SignedInCache NewCache() => new(Options.Create(new SignedInCacheOptions()));

    [Fact]
    public void Nothing_kept_counts_before_the_version_was_read()
    {
        var cache = NewCache();
        cache.Keep(Mira.Id, "stamp", Mira, cache.Generation);
        Assert.False(cache.TryGet(Mira.Id, "stamp", out _));
        Assert.Null(cache.IsEnded(Guid.NewGuid()));
    }

    [Fact]
    public void A_session_ended_here_is_refused_here_at_once()
    {
        var cache = NewCache();
        var session = Guid.NewGuid();
        cache.Ended(session);
        Assert.True(cache.IsEnded(session));
    }

    [Fact]
    public void A_read_that_began_before_a_change_here_is_not_kept()
    {
        var cache = NewCache();
        var generation = cache.Generation;
        cache.Forget();
        cache.Keep(Mira.Id, "stamp", Mira, generation);
        Assert.NotEqual(generation, cache.Generation);
        // Whatever the version says later, the stale read was never stored.
        Assert.False(cache.TryGet(Mira.Id, "stamp", out _));
    }

    [Fact]
    public void The_ticket_cache_decrypts_a_token_once_hands_out_copies_and_never_keeps_garbage()
    {
        using var tickets = new TicketCache();
        var inner = new CountingFormat();
        var first = tickets.Unprotect(inner, "good", null)!;
        first.Properties.Items["changed"] = "by the handler";
        first.Principal.AddIdentity(new ClaimsIdentity([new Claim("extra", "1")]));
        var second = tickets.Unprotect(inner, "good", null)!;
        Assert.Equal(1, inner.Calls);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Single(second.Principal.Identities);
        Assert.Equal("mira", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));

        Assert.Null(tickets.Unprotect(inner, "garbage", null));
        Assert.Null(tickets.Unprotect(inner, "garbage", null));
        Assert.Equal(3, inner.Calls);
    }

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Calls { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Calls++;
            return protectedText == "good"
                ? new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "mira")], "test")), "test")
                : null;
        }
    }
}
