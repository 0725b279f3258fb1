# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name          = "widgets"
  spec.version       = "2.4.1"
  spec.authors       = ["Example Maintainers"]
  spec.summary       = "Widgets"
  spec.license       = "MIT"
  spec.files         = Dir["lib/**/*.rb"]
end
