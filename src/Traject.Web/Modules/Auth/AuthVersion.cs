using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Traject.Web.Modules.Auth;

/// <summary>
/// One row whose number the database itself raises (triggers, migration 0026) whenever something a signed-in
/// professional's access rests on changes: her security stamp, activity, organisation, second factor, name or e-mail;
/// her roles; her organisation's activity or kind; a session ended by log-out. Every node reads it every second and
/// forgets what it keeps of signed-in professionals when it moved (<see cref="SignedInCache"/>), whichever node or
/// process (a CLI verb, a hand-made SQL change) made the change.
/// </summary>
internal sealed class AuthVersion
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}

internal sealed class AuthVersionConfiguration : IEntityTypeConfiguration<AuthVersion>
{
    public void Configure(EntityTypeBuilder<AuthVersion> e)
    {
        e.ToTable("AuthVersions");
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
