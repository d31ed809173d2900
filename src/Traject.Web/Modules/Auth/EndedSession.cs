using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// A web session ended by a plain log-out. A copy of its cookie is refused from then on, while her other sessions go
/// on. The row is needed only until the session would have ended anyway (10 hours after sign-in), so log-outs remove
/// rows past that.
/// </summary>
internal sealed class EndedSession
{
    /// <summary>The session's id, given at sign-in (<see cref="SessionLifetime.SessionKey"/>).</summary>
    public Guid Id { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    /// <summary>When the session would have ended anyway; after this the cookie is refused by its sign-in time.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> e)
    {
        e.ToTable("EndedSessions");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => x.ExpiresAt);
    }
}
