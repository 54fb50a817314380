namespace PolicyEngage.Portal.Gateway;

/// <summary>The API no longer accepts the signed-in user's token (401): the user must sign in again.</summary>
public sealed class SessionExpiredException() : Exception("The API refused the session's token.");
