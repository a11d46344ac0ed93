// The content layers owned by other files (adversarial pre-filter, policy) as pipeline stages.

extension AdversarialLayer: ContentLayer {}
