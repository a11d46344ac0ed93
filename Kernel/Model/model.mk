# Kernel/Model: the resident model in the kernel (included by Kernel/kernel.mk via `-include Kernel/Model/model.mk`).
# The Kernel/Model sources are part of Kernel.o (kernel.mk's KERNEL_SOURCES); they import Inference (whose
# per-ISA modules InferenceAVX2/InferenceAVX512 must be linked too: dispatch picks one by CPUID) and Gateway.
KERNEL_LIBS += $(filter-out $(KERNEL_LIBS),Blake3 InferenceAVX2 InferenceAVX512 Inference Gateway)
