// warden-infer: host CLI of the Inference engine (placeholder until the full CLI lands).
import Inference
print("warden-infer")
