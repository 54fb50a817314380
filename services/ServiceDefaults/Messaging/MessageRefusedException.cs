namespace PolicyEngage.ServiceDefaults.Messaging;

/// <summary>A message that no retry can make acceptable (a forged producer, say): it goes to the error queue at once.</summary>
public abstract class MessageRefusedException(string message) : Exception(message);
