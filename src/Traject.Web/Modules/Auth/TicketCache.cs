using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// Remembers, for a minute, what a bearer token or session cookie decrypted to, so that the same token sent again costs
/// a look-up instead of a key derivation and a decryption (the data-protection stack derives a key per call). Only the
/// cryptography is remembered: the handlers still check expiry on every request, and who the professional is now is
/// decided by <see cref="ActorLookup"/>. Each request gets its own copy of the ticket, because handlers change it
/// (a renewed cookie, a replaced principal). Garbage is never remembered, so a flood of false tokens cannot fill it.
/// </summary>
internal sealed class TicketCache : IDisposable
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public AuthenticationTicket? Unprotect(ISecureDataFormat<AuthenticationTicket> inner, string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = (purpose, protectedText);
        if (!_tickets.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null)
            {
                return null;
            }

            _tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeepFor });
        }

        return new AuthenticationTicket(ticket!.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    public void Dispose() => _tickets.Dispose();

    /// <summary>Wraps the bearer token's and the session cookie's formats, after the framework has set them up.</summary>
    public static void Use(IServiceCollection services)
    {
        services.AddSingleton<TicketCache>();
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).PostConfigure<TicketCache>((o, cache) =>
            o.BearerTokenProtector = new Format(o.BearerTokenProtector, cache));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure<TicketCache>((o, cache) =>
            o.TicketDataFormat = new Format(o.TicketDataFormat, cache));
    }

    private sealed class Format(ISecureDataFormat<AuthenticationTicket> inner, TicketCache cache) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => cache.Unprotect(inner, protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => cache.Unprotect(inner, protectedText, purpose);
    }
}
