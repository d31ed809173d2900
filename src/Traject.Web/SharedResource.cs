namespace Traject.Web;

/// <summary>
/// Marker for the UI texts: inject <c>IStringLocalizer&lt;SharedResource&gt;</c>. The keys are English; the texts live
/// with their owner (<c>Modules/&lt;Module&gt;/Texts.*.resx</c>, <c>Pages/&lt;Area&gt;/Texts.*.resx</c>,
/// <c>Resources/Common.*.resx</c>) and <see cref="Common.ModuleTexts"/> serves them all as one.
/// </summary>
internal sealed class SharedResource;
