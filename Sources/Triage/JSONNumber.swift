import Foundation

/// Reads numbers from `JSONSerialization` output. On Linux an `NSNumber` holding 0 or 1 also casts
/// to `Bool`, so a JSON boolean is recognised by its type encoding ("c"), not by casting.
enum JSONNumber {
    static func double(_ value: Any?) -> Double? {
        guard let value, !(type(of: value) == Bool.self), let number = value as? NSNumber,
              String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    static func integer(_ value: Any?) -> Int? {
        guard let double = double(value), double == double.rounded(), abs(double) < 1e15 else { return nil }
        return Int(double)
    }
}
