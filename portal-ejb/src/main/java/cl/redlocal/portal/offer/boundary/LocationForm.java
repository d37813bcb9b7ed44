package cl.redlocal.portal.offer.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A place where the program attends. Coordinates, when given, must fall in Chile (the mainland and its
 * islands, Rapa Nui included): a swapped or mistyped pair would put the marker in the ocean.
 */
public record LocationForm(
        Long id,
        @Size(max = 150) String name,
        @NotBlank @Size(max = 200) String address,
        @Size(max = 100) String sector,
        @DecimalMin(value = "-56.0", message = "{offer.location.latitude}")
        @DecimalMax(value = "-17.0", message = "{offer.location.latitude}") BigDecimal latitude,
        @DecimalMin(value = "-110.0", message = "{offer.location.longitude}")
        @DecimalMax(value = "-66.0", message = "{offer.location.longitude}") BigDecimal longitude)
        implements Serializable {
}
