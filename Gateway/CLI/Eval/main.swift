// Host CLI placeholder; replaced by the owning issue.
import Gateway
print("not implemented yet: \("x")")
