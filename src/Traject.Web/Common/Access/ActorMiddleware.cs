using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Traject.Web.Common.Access;

/// <summary>
/// A signed-in principal whose professional is gone, deactivated, or whose security stamp changed is treated as
/// signed out at once: API calls answer 401, pages sign out and go to the login page.
/// </summary>
internal static class ActorMiddleware
{
    public static IApplicationBuilder UseActorCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var actor = await context.RequestServices.GetRequiredService<CurrentActor>().GetAsync(context.RequestAborted);
            if (actor is null)
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await Results.Problem(statusCode: 401, title: "Not signed in", detail: "Sign in again.").ExecuteAsync(context);
                    return;
                }

                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/Account/Login");
                return;
            }
        }

        await next();
    });
}
