// Host CLI placeholder; replaced by the owning issue.
import Inference
print("not implemented yet: \(InferenceVersion.string)")
