/// Who sends the replies the intake queued: `OutboxDelivery` itself (in the calling thread), or
/// the gateway's background sender, which only takes the hint and sends in its own thread while
/// the intake goes on.
public protocol ReplyDispatch: AnyObject {
    /// New replies may be due. Returns what was sent meanwhile by this call (zero when the sending
    /// happens elsewhere); throws `OutboxDelivery.SenderUnavailable` when the sender as a whole fails.
    func dispatch(shouldStop: () -> Bool) throws -> OutboxDelivery.Summary
}
