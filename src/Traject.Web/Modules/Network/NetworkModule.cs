using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Tasks;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Network;

/// <summary>The network analysis of a trajectory, its diagram, and the overlap alerts across cases.</summary>
internal static class NetworkModule
{
    public static IServiceCollection AddNetwork(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<NetworkOptions>().Bind(config.GetSection(NetworkOptions.Section))
            .Validate<IHostEnvironment>(NetworkOptions.IsValid,
                "Network:Secret must hold base64 of at least 32 random bytes (required outside Development).")
            .ValidateOnStart();
        services.AddStepPlanStep(NetworkTaskKinds.NetworkAnalysis, order: 60, days: 28);
        services.AddSingleton<NetworkSecrets>();
        services.AddSingleton<NetworkProtection>();
        return services.AddScoped<NetworkAnalysis>().AddScoped<NetworkAlerts>();
    }

    public static RouteGroupBuilder MapNetwork(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/trajectories/{id:guid}/network").WithTags("Network analysis");
        network.MapGet("/", async (Guid id, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetNetwork").WithSummary("The network analysis: people, places, online accounts and phone numbers with source and date, and their links (care team only)");
        network.MapGet("/diagram", async (Guid id, CurrentActor current, NetworkAnalysis handler, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(v => TypedResults.Text(Diagram(v, l), "image/svg+xml; charset=utf-8")))
            .WithName("GetNetworkDiagram").WithSummary("The network as an SVG diagram").ProducesContent("image/svg+xml");
        network.MapPost("/entries", async (Guid id, NetworkEntryRequest body, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.AddEntryAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/network", r)))
            .WithName("AddNetworkEntry").WithSummary("Add a person, place, online account or phone number, with its source and date");
        network.MapPut("/entries/{entryId:guid}", async (Guid id, Guid entryId, NetworkEntryRequest body, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.UpdateEntryAsync(await current.RequireAsync(ct), id, entryId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateNetworkEntry").WithSummary("Change an entry (its kind stays); send the version you read");
        network.MapPost("/entries/{entryId:guid}/remove", async (Guid id, Guid entryId, NetworkRemoveRequest body, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.RemoveEntryAsync(await current.RequireAsync(ct), id, entryId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RemoveNetworkEntry").WithSummary("Remove an entry and its links");
        network.MapPost("/links", async (Guid id, NetworkLinkRequest body, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.AddLinkAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/network", r)))
            .WithName("AddNetworkLink").WithSummary("Link two entries of the network");
        network.MapPost("/links/{linkId:guid}/remove", async (Guid id, Guid linkId, NetworkRemoveRequest body, CurrentActor current, NetworkAnalysis handler, CancellationToken ct) =>
            (await handler.RemoveLinkAsync(await current.RequireAsync(ct), id, linkId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("RemoveNetworkLink").WithSummary("Remove a link");
        api.MapGet("/network-alerts", async (CurrentActor current, NetworkAlerts alerts, CancellationToken ct) =>
            (await alerts.ListAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok))
            .WithTags("Network analysis").WithName("ListNetworkAlerts").WithSummary("Overlaps of my organisation's young people's networks with others', for designated experts");
        api.MapPost("/network-alerts/{id:guid}/dismiss", async (Guid id, DismissAlertRequest body, CurrentActor current, NetworkAlerts alerts, CancellationToken ct) =>
            (await alerts.DismissAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithTags("Network analysis").WithName("DismissNetworkAlert").WithSummary("Dismiss an overlap alert as a false positive, with a reason");
        return api;
    }

    /// <summary>The diagram of a network in the reader's language.</summary>
    public static string Diagram(NetworkView view, IStringLocalizer l) => NetworkDiagram.Render(
        string.Format(CultureInfo.CurrentCulture, l["Network of {0}"].Value, view.Pseudonym),
        view.Pseudonym,
        view.Entries.Select(e => (e.Id, e.Kind, e.Influence, e.Name, Detail(e, l))).ToList(),
        view.Links.Select(k => (k.FromId, k.ToId, k.Nature)).ToList(),
        [l.Label(NetworkInfluence.Risk), l.Label(NetworkInfluence.Protective), l.Label(NetworkInfluence.Unclear),
         l.Label(NetworkEntryKind.Person), l.Label(NetworkEntryKind.Place), l.Label(NetworkEntryKind.OnlineAccount), l.Label(NetworkEntryKind.PhoneNumber)]);

    /// <summary>The second line of an entry: role, kind of place or platform.</summary>
    public static string Detail(NetworkEntryView e, IStringLocalizer l) => e.Kind switch
    {
        NetworkEntryKind.Person when e.Role is { } role => l.Label(role),
        NetworkEntryKind.Place when e.PlaceKind is { } kind => l.Label(kind),
        NetworkEntryKind.OnlineAccount when e.Platform == Platform.Other => e.PlatformName ?? l.Label(Platform.Other),
        NetworkEntryKind.OnlineAccount when e.Platform is { } platform => l.Label(platform),
        _ => l.Label(e.Kind),
    };
}

internal sealed class NetworkEntryConfiguration : IEntityTypeConfiguration<NetworkEntry>
{
    public void Configure(EntityTypeBuilder<NetworkEntry> e)
    {
        e.ToTable("NetworkEntries");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Content).IsRequired();
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TrajectoryId);
    }
}

internal sealed class NetworkLinkConfiguration : IEntityTypeConfiguration<NetworkLink>
{
    public void Configure(EntityTypeBuilder<NetworkLink> e)
    {
        e.ToTable("NetworkLinks");
        e.Property(x => x.Content).IsRequired();
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkEntry>().WithMany().HasForeignKey(x => x.FromEntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkEntry>().WithMany().HasForeignKey(x => x.ToEntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.TrajectoryId);
    }
}

internal sealed class NetworkIdentifierConfiguration : IEntityTypeConfiguration<NetworkIdentifier>
{
    public void Configure(EntityTypeBuilder<NetworkIdentifier> e)
    {
        e.ToTable("NetworkIdentifiers");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        e.HasOne<NetworkEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<YoungPeople.YoungPerson>().WithMany().HasForeignKey(x => x.YoungPersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Hash);
    }
}

internal sealed class NetworkOverlapAlertConfiguration : IEntityTypeConfiguration<NetworkOverlapAlert>
{
    public void Configure(EntityTypeBuilder<NetworkOverlapAlert> e)
    {
        e.ToTable("NetworkOverlapAlerts");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.OtherTrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.DismissedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.OtherTrajectoryId, x.Hash }).IsUnique();
        e.HasIndex(x => new { x.OtherTrajectoryId, x.TrajectoryId });
    }
}

internal sealed class NetworkProtectionKeyConfiguration : IEntityTypeConfiguration<NetworkProtectionKey>
{
    public void Configure(EntityTypeBuilder<NetworkProtectionKey> e)
    {
        e.ToTable("NetworkProtectionKeys");
        e.Property(k => k.FriendlyName).HasMaxLength(200);
        e.Property(k => k.Xml).IsRequired();
    }
}
