import Foundation
import LogicModel

/// libFuzzer entry: any bytes as a logic model file and as a survey instrument file.
/// The decoders must return a model or located errors; a crash, a hang (libFuzzer's
/// -timeout) or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = LogicModelDecoder.decode(data, file: "fuzz.yaml")
    _ = InstrumentDecoder.decode(data, file: "fuzz-instrument.yaml")
    return 0
}
