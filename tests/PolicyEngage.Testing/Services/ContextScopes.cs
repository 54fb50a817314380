using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyEngage.Testing.Services;

/// <summary>A service's own context, in a scope of its own, as its endpoints and consumers get it.</summary>
internal static class ContextScopes
{
    public static async Task<T> ReadAsync<TContext, T>(this IServiceProvider services, Func<TContext, Task<T>> query) where TContext : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public static async Task WriteAsync<TContext>(this IServiceProvider services, Action<TContext> change) where TContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
