using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Network;

/// <summary>
/// A small, plainly invented network for the demo: around one young person of the youth-care provider, and one number
/// that also appears in a young person's network at the neighbourhood team, so the designated expert sees an alert.
/// Recorded through <see cref="NetworkAnalysis"/> itself, so it is encrypted, hashed and audited like any other.
/// </summary>
internal static class NetworkDemo
{
    public const string SharedNumber = "06-99990001";

    public static async Task SeedAsync(NetworkAnalysis network, (Guid Trajectory, Actor By) north, (Guid Trajectory, Actor By) south, DateOnly today, CancellationToken ct)
    {
        async Task<Guid> Add(Guid trajectory, Actor by, NetworkEntryRequest request) =>
            (await network.AddEntryAsync(by, trajectory, request, ct)).Value.Id;

        var man = await Add(north.Trajectory, north.By, new NetworkEntryRequest(NetworkEntryKind.Person, "Demo-'vriend' Rico (verzonnen)", NetworkRole.Exploiter,
            NetworkInfluence.Risk, "Via Instagram; haalt haar op na school", null, null, null, null, null, null, NetworkSource.YoungPerson, today.AddDays(-20), null, null));
        var account = await Add(north.Trajectory, north.By, new NetworkEntryRequest(NetworkEntryKind.OnlineAccount, null, null, NetworkInfluence.Risk, null, null, null,
            Platform.Instagram, null, "@demo.rico.nietecht", null, NetworkSource.YoungPerson, today.AddDays(-20), null, null));
        var phone = await Add(north.Trajectory, north.By, new NetworkEntryRequest(NetworkEntryKind.PhoneNumber, null, null, NetworkInfluence.Risk, null, null, null,
            null, null, null, SharedNumber, NetworkSource.Parent, today.AddDays(-12), null, null));
        var hotel = await Add(north.Trajectory, north.By, new NetworkEntryRequest(NetworkEntryKind.Place, "Demo Hotel Nergenshuizen", null, NetworkInfluence.Risk, null,
            PlaceKind.Hotel, "Verzonnenweg 1, Demodorp", null, null, null, null, NetworkSource.Police, today.AddDays(-5), null, null));
        await Add(north.Trajectory, north.By, new NetworkEntryRequest(NetworkEntryKind.Person, "Tante Demi (verzonnen)", NetworkRole.Family, NetworkInfluence.Protective,
            "Zij vertrouwt haar", null, null, null, null, null, null, NetworkSource.YoungPerson, today.AddDays(-20), null, null));
        foreach (var (to, nature) in new[] { (account, "zijn account"), (phone, "belt haar met dit nummer"), (hotel, "nam haar mee naar") })
        {
            await network.AddLinkAsync(north.By, north.Trajectory, new NetworkLinkRequest(man, to, nature, NetworkSource.YoungPerson, today.AddDays(-5)), ct);
        }

        await Add(south.Trajectory, south.By, new NetworkEntryRequest(NetworkEntryKind.PhoneNumber, null, null, NetworkInfluence.Risk, null, null, null,
            null, null, null, "+31 6 9999 0001", NetworkSource.YoungPerson, today.AddDays(-3), null, null));
    }

    public static Actor ActorOf(Professional p, Organisation org, params string[] roles) =>
        new(p.Id, p.DisplayName, org.Id, org.Kind, new HashSet<string>(roles, StringComparer.Ordinal));
}
